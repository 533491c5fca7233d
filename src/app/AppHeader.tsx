import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';

export function AppHeader() {
  return (
    <AppBar position="static" elevation={0}>
      <Toolbar sx={{ py: 1 }}>
        <Box>
          <Typography variant="h6" component="h1" sx={{ lineHeight: 1.3 }}>
            STAC MLM Editor
          </Typography>
          <Typography variant="body2" sx={{ opacity: 0.95 }}>
            Describe a trained model as a STAC Item · MLM v1.5.2
          </Typography>
        </Box>
      </Toolbar>
    </AppBar>
  );
}
