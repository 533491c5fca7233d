import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

import { MONOSPACE_FONTS } from '../shared/fonts';

export function ErrorFallback({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <Box component="main" sx={{ p: 3, maxWidth: 720 }}>
      <Alert severity="error">
        <AlertTitle>The editor ran into a problem</AlertTitle>
        <Typography variant="body2" sx={{ mb: 1 }}>
          This is a bug in the editor. Try again; if it happens again, reload the page.
        </Typography>
        <Typography
          variant="body2"
          component="pre"
          sx={{ fontFamily: MONOSPACE_FONTS, whiteSpace: 'pre-wrap', m: 0 }}
        >
          {error.message}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button variant="contained" color="error" onClick={onRetry}>
            Try again
          </Button>
          <Button color="error" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Stack>
      </Alert>
    </Box>
  );
}
