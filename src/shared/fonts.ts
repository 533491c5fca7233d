// System fonts only: the editor works offline and must not fetch web fonts. Shared by the MUI
// theme and the CodeMirror JSON view so both read alike.

export const SYSTEM_FONTS = [
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
