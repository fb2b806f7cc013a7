import { render } from 'preact';
import './inspector.css';
import { Inspector } from './inspector.tsx';

render(<Inspector />, document.getElementById('app')!);
