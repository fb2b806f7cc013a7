import { PRESENTATION_KEY } from '../core/view/stored-records.ts';
import { useStoredValue } from './use-stored-value.ts';

/** Whether presentation mode is on, live (it is remembered in storage.local; the worker writes it). */
export function usePresentation(): boolean {
  const stored = useStoredValue('local', PRESENTATION_KEY);
  return stored.loaded && stored.value === true;
}
