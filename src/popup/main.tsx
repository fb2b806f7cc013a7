import { render } from 'preact';
import './popup.css';
import { Popup } from './popup.tsx';
import { loadState } from './use-profiles.ts';

// Storage is read before the first render: one render, already filled in.
void loadState().then((state) => {
  render(<Popup initial={state} />, document.getElementById('app')!);
  performance.mark('popup-ready'); // read by `npm run bench`
});
