import Box from '@mui/material/Box';
import Fade from '@mui/material/Fade';
import Typography from '@mui/material/Typography';

/** Shown while a file is dragged over the page; it lets events through to the page-wide handler. */
export function DropOverlay({ open }: { open: boolean }) {
  return (
    <Fade in={open} unmountOnExit>
      <Box
        aria-hidden
        sx={{
          position: 'fixed',
          inset: 0,
          zIndex: 'modal',
          pointerEvents: 'none',
          display: 'grid',
          placeItems: 'center',
          bgcolor: 'rgba(25, 118, 210, 0.08)',
          border: 3,
          borderStyle: 'dashed',
          borderColor: 'primary.main',
        }}
      >
        <Typography
          variant="h6"
          sx={{ bgcolor: 'background.paper', px: 3, py: 1.5, borderRadius: 1, boxShadow: 2 }}
        >
          Drop an item JSON file to open it, or an ONNX model to fill the item from it
        </Typography>
      </Box>
    </Fade>
  );
}
