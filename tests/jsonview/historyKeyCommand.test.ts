import { describe, expect, it } from 'vitest';

import { historyKeyCommand, type HistoryKeyEvent } from '../../src/jsonview/historyKeyCommand';

function key(k: string, mods: Partial<HistoryKeyEvent> = {}): HistoryKeyEvent {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('historyKeyCommand', () => {
  it.each([
    ['Ctrl-z', key('z', { ctrlKey: true }), 'undo'],
    ['Ctrl-Shift-Z', key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['Ctrl-y', key('y', { ctrlKey: true }), 'redo'],
    ['Ctrl-Z with Caps Lock', key('Z', { ctrlKey: true }), 'undo'],
    ['plain z', key('z'), undefined],
    ['Ctrl-Alt-z (AltGr)', key('z', { ctrlKey: true, altKey: true }), undefined],
    ['Ctrl-Shift-y', key('Y', { ctrlKey: true, shiftKey: true }), undefined],
    ['Meta-z off macOS', key('z', { metaKey: true }), undefined],
    ['Ctrl-a', key('a', { ctrlKey: true }), undefined],
    ['Ctrl-я on a Cyrillic layout', key('я', { ctrlKey: true, code: 'KeyZ' }), 'undo'],
  ])('reads %s off macOS', (_name, event, expected) => {
    expect(historyKeyCommand(event, false)).toBe(expected);
  });

  it.each([
    ['Cmd-z', key('z', { metaKey: true }), 'undo'],
    // macOS reports the lower-case key while Cmd is held, even with Shift.
    ['Cmd-Shift-z', key('z', { metaKey: true, shiftKey: true }), 'redo'],
    ['Cmd-y', key('y', { metaKey: true }), 'redo'],
    ['Ctrl-z', key('z', { ctrlKey: true }), undefined],
  ])('reads %s on macOS', (_name, event, expected) => {
    expect(historyKeyCommand(event, true)).toBe(expected);
  });
});
