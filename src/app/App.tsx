import Box from '@mui/material/Box';

import { AppErrorBoundary } from './AppErrorBoundary';
import { AppHeader } from './AppHeader';
import { ItemChecker } from './ItemChecker';

export function App() {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppHeader />
      {/* Below the header, so a crash still leaves the title and a readable message on screen. */}
      <AppErrorBoundary>
        <ItemChecker />
      </AppErrorBoundary>
    </Box>
  );
}
