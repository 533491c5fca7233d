// First: zod must be configured before any schema module is evaluated.
import './app/zodConfig';

import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { theme } from './app/theme';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root element to mount the editor in.');
}

createRoot(root).render(
  <StrictMode>
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <App />
    </ThemeProvider>
  </StrictMode>,
);
