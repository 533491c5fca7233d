import { MONOSPACE_FONTS } from '../shared/fonts';

// Plain style data for EditorView.theme, kept out of JsonView.tsx so that file is only wiring.
// Colours follow the app's light MUI theme (primary #1565c0, background #f5f6f8); grey text is
// dark enough for WCAG AA contrast (4.5:1) on that background.

/** Smallest height the view keeps when its container gives it none (e.g. an auto-height parent). */
export const JSON_VIEW_MIN_HEIGHT = 240;

export const JSON_VIEW_THEME: Record<string, Record<string, string | number>> = {
  '&': {
    // The view's wrapper is a flex column with the container's height (or the minimum height).
    flex: '1 1 0',
    minHeight: '0',
    fontSize: '13px',
    color: '#1f2328',
    backgroundColor: '#ffffff',
  },
  '&.cm-focused': {
    // CodeMirror's default dotted outline looks foreign next to MUI inputs.
    outline: '2px solid #1976d2',
    outlineOffset: '-2px',
  },
  '.cm-scroller': {
    fontFamily: MONOSPACE_FONTS,
    lineHeight: '1.5',
    overflow: 'auto',
  },
  '.cm-content': {
    caretColor: '#1f2328',
    padding: '4px 0',
  },
  '.cm-gutters': {
    backgroundColor: '#f5f6f8',
    color: '#4b5563',
    borderRight: '1px solid #e0e0e0',
  },
  '.cm-activeLine': {
    backgroundColor: 'rgba(25, 118, 210, 0.06)',
  },
  '.cm-activeLineGutter': {
    backgroundColor: 'rgba(25, 118, 210, 0.12)',
    color: '#1f2328',
  },
  '&.cm-focused .cm-matchingBracket': {
    backgroundColor: 'rgba(46, 125, 50, 0.18)',
    outline: '1px solid rgba(46, 125, 50, 0.5)',
  },
  '&.cm-focused .cm-nonmatchingBracket': {
    backgroundColor: 'rgba(211, 47, 47, 0.18)',
  },
  '.cm-foldPlaceholder': {
    backgroundColor: '#eef1f5',
    border: '1px solid #d0d7de',
    color: '#57606a',
    padding: '0 4px',
  },
  '.cm-tooltip': {
    fontSize: '13px',
    border: '1px solid #d0d7de',
    borderRadius: '6px',
    overflow: 'hidden',
    boxShadow: '0 4px 12px rgba(0, 0, 0, 0.12)',
  },
  '.cm-diagnostic': {
    padding: '4px 8px',
    maxWidth: '48em',
  },
  '.cm-diagnosticSource': {
    fontFamily: MONOSPACE_FONTS,
    color: '#4b5563',
  },
};
