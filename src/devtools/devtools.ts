import { createPanel } from '../platform/devtools.ts';

// DevTools loads this page for every inspected tab: it only adds the panel.
createPanel('Auth Code Inspector', 'src/trace/panel.html');
