import CssBaseline from '@mui/material/CssBaseline';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { MapDemo } from './MapDemo';

// Development harness for src/map (served by e2e/map.spec.ts); the app never imports it.
const root = document.getElementById('root');
if (!root) {
  throw new Error('The demo page has no #root element.');
}
createRoot(root).render(
  <StrictMode>
    <CssBaseline />
    <MapDemo />
  </StrictMode>,
);
