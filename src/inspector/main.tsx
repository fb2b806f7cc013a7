import { render } from 'preact';
import '../ui/theme.css';
import './inspector.css';
import { Inspector } from './inspector.tsx';

render(<Inspector />, document.getElementById('app')!);
