import { render } from 'preact';
import '../inspector/inspector.css';
import { t } from '../ui/words.ts';
import { TokenPage } from './token-page.tsx';

document.title = `${t('readToken')} · ${t('extName')}`;
render(<TokenPage />, document.getElementById('app')!);
