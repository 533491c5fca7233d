import { createTheme } from '@mui/material/styles';

import { SYSTEM_FONTS } from '../shared/fonts';

export const theme = createTheme({
  palette: {
    background: { default: '#f5f6f8' },
    // A shade darker than MUI's default blue, so text in that colour keeps 4.5:1 contrast on the
    // grey page background (WCAG AA).
    primary: { main: '#1565c0' },
    // Warning text (labels, lint notes) uses the dark shade: MUI's default one is under 4.5:1.
    warning: { main: '#ed6c02', dark: '#8a4500' },
  },
  typography: {
    fontFamily: SYSTEM_FONTS,
  },
  shape: { borderRadius: 6 },
  components: {
    // Sentence case reads better than MUI's default all-caps buttons.
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
  },
});
