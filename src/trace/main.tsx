import { render } from 'preact';
import '../inspector/inspector.css';
import { TracePage } from './trace-page.tsx';

render(<TracePage />, document.getElementById('app')!);
