import { createTheme } from '@mui/material/styles';

// System fonts only: the editor works offline and must not fetch web fonts.
const SYSTEM_FONTS = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  '"Liberation Sans"',
  'sans-serif',
].join(', ');

export const MONOSPACE_FONTS = [
  'ui-monospace',
  '"SFMono-Regular"',
  '"Cascadia Mono"',
  '"Segoe UI Mono"',
  'Menlo',
  'Consolas',
  '"DejaVu Sans Mono"',
  '"Liberation Mono"',
  'monospace',
].join(', ');

export const theme = createTheme({
  palette: {
    background: { default: '#f5f6f8' },
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
