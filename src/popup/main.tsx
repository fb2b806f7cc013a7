import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { Popup } from './popup.tsx';
import { loadForm } from './use-form.ts';

// Storage is read before the first render: one render, already filled in.
void loadForm().then((form) => {
  render(<Popup initial={form} />, document.getElementById('app')!);
  performance.mark('popup-ready'); // read by `npm run bench`
});
