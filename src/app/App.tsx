import Box from '@mui/material/Box';

import { AppErrorBoundary } from './AppErrorBoundary';
import { AppHeader } from './AppHeader';
import { EditorScreen } from './editor/EditorScreen';

export function App() {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppHeader />
      {/* Below the header, so a crash still leaves the title and a readable message on screen. */}
      <AppErrorBoundary>
        <EditorScreen />
      </AppErrorBoundary>
    </Box>
  );
}
