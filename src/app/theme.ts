import { createTheme } from '@mui/material/styles';

import { SYSTEM_FONTS } from '../shared/fonts';

export const theme = createTheme({
  palette: {
    background: { default: '#f5f6f8' },
    // A shade darker than MUI's default blue, so text in that colour keeps 4.5:1 contrast on the
    // grey page background (WCAG AA).
    primary: { main: '#1565c0' },
    // Warning text (labels, lint notes) uses the dark shade: MUI's default one is under 4.5:1.
    // Text on the orange (a contained warning button) is dark: white on it is only 3.1:1.
    warning: { main: '#ed6c02', dark: '#8a4500', contrastText: 'rgba(0, 0, 0, 0.87)' },
  },
  typography: {
    fontFamily: SYSTEM_FONTS,
  },
  shape: { borderRadius: 6 },
  components: {
    // MapLibre's attribution toggle shows focus only as a faint glow: the app's ring instead.
    MuiCssBaseline: {
      styleOverrides: {
        '.maplibregl-ctrl-attrib-button:focus-visible': {
          outline: '2px solid #1565c0',
          outlineOffset: '2px',
        },
      },
    },
    // Sentence case reads better than MUI's default all-caps buttons.
    MuiButton: { styleOverrides: { root: { textTransform: 'none' } } },
    // MUI marks keyboard focus on buttons, chips, checkboxes, menu and list items only with a
    // faint ripple or tint (under the 3:1 contrast WCAG asks of a focus indicator): add a ring.
    MuiButtonBase: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible': { outline: '2px solid #1565c0', outlineOffset: '2px' },
        },
      },
    },
    // Rows of menus and lists sit in containers that clip: their ring goes inside.
    MuiMenuItem: {
      styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: '-2px' } } },
    },
    MuiListItemButton: {
      styleOverrides: { root: { '&.Mui-focusVisible': { outlineOffset: '-2px' } } },
    },
  },
});
