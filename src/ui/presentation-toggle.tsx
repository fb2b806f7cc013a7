import { useContext } from 'preact/hooks';
import { send } from '../messages.ts';
import { PresentationMode } from './presentation.tsx';
import { t } from './words.ts';

/** The one presentation mode setting, on every page that shows secrets (inspector, Trace page, panel). */
export function PresentationToggle() {
  const presenting = useContext(PresentationMode);
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={presenting}
        onChange={(e) => void send('setPresentation', { on: e.currentTarget.checked })}
      />
      {t('presentationMode')}
    </label>
  );
}
