/** The parts of a keydown event that decide undo and redo. */
export interface HistoryKeyEvent {
  key: string;
  /** Physical key, used only when `key` is not a Latin letter (e.g. a Cyrillic layout). */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Which app history command a key press asks for: Mod-z undoes, Mod-Shift-z and Mod-y redo, where
 * Mod is Cmd on macOS and Ctrl elsewhere. Shift is read from the event rather than from the key's
 * case because macOS reports Cmd-Shift-z with a lower-case "z" (and CodeMirror's keymap would
 * then match it as Mod-z). Alt combinations are left alone: Ctrl-Alt is AltGr on Windows.
 */
export function historyKeyCommand(
  event: HistoryKeyEvent,
  mac: boolean,
): 'undo' | 'redo' | undefined {
  const mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey) {
    return undefined;
  }
  const key = /^[a-z]$/i.test(event.key)
    ? event.key.toLowerCase()
    : event.code === 'KeyZ'
      ? 'z'
      : event.code === 'KeyY'
        ? 'y'
        : '';
  if (key === 'z') {
    return event.shiftKey ? 'redo' : 'undo';
  }
  if (key === 'y' && !event.shiftKey) {
    return 'redo';
  }
  return undefined;
}
