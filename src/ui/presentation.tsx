import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from './words.ts';

/** Presentation mode: secret values hidden on screen for a demo on a shared screen; copying still copies. */
export const PresentationMode = createContext(false);

/** Shows `children` (a token, a code, a raw body), or a mask while presentation mode is on. */
export function Secretish({ children }: { children: ComponentChildren }) {
  return useContext(PresentationMode) ? (
    <span class="muted">{t('hiddenInPresentation')}</span>
  ) : (
    <>{children}</>
  );
}
