/**
 * The map's toolbar: each terra-draw mode with its button text, accessible name and shortcut.
 * The visible text is part of the accessible name, so speech users can say what they see.
 */
export const DRAW_MODES = [
  { mode: 'polygon', text: 'Polygon', name: 'Draw polygon', key: 'p' },
  { mode: 'rectangle', text: 'Rectangle', name: 'Draw rectangle', key: 'r' },
  { mode: 'point', text: 'Point', name: 'Draw point', key: 'o' },
  { mode: 'select', text: 'Select', name: 'Select and edit', key: 's' },
] as const;

export type DrawModeName = (typeof DRAW_MODES)[number]['mode'];

/** The modes whose features make up the footprint (select mode only edits them). */
export const DRAWING_MODES: ReadonlySet<string> = new Set(['polygon', 'rectangle', 'point']);

/** The mode a key switches to, if any (case-insensitive, so Caps Lock does not matter). */
export function modeForKey(key: string): DrawModeName | undefined {
  return DRAW_MODES.find((m) => m.key === key.toLowerCase())?.mode;
}
