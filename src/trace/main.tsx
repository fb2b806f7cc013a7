import { render } from 'preact';
import '../inspector/inspector.css';
import { t } from '../ui/words.ts';
import { TracePage } from './trace-page.tsx';

document.title = `${t('trace')} · ${t('extName')}`;
render(<TracePage />, document.getElementById('app')!);
