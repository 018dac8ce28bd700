import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './lib/i18n';
import { App } from './app';
// The shipped Chinese font (the simplified-Chinese subset of Noto Sans SC, one 1.1 MB file loaded
// only when Chinese text is on the page): a minimal desktop without CJK fonts drew 华为 as boxes.
import '@fontsource/noto-sans-sc/chinese-simplified-400.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
