import CssBaseline from '@mui/material/CssBaseline';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { FormDemo } from './FormDemo';

// Development harness for src/form (served by e2e/form.spec.ts); the app never imports it.
const root = document.getElementById('root');
if (!root) {
  throw new Error('The demo page has no #root element.');
}
createRoot(root).render(
  <StrictMode>
    <CssBaseline />
    <FormDemo />
  </StrictMode>,
);
