import { render } from 'preact';
import './popup.css';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { Popup } from './popup.tsx';
import { loadState } from './use-profiles.ts';

// Storage is read before the first render: one render, already filled in.
void loadState().then((state) => {
  const app = document.getElementById('app')!;
  // Without profiles (the worker could not create the first ones) there is no form: only why.
  if (state.ok) render(<Popup initial={state.value} />, app);
  else render(<ErrorAlert error={state.error} />, app);
  performance.mark('popup-ready'); // read by `npm run bench`
});
