import { describe, expect, it } from 'vitest';

import { editorReducer, type EditorState, INITIAL_EDITOR_STATE } from '../../src/app/editorState';

const loaded: EditorState = editorReducer(INITIAL_EDITOR_STATE, {
  type: 'load',
  text: '{"a":1}',
  sourceName: 'item.json',
});

describe('editorReducer', () => {
  it('checks loaded text at once', () => {
    expect(loaded).toEqual({
      text: '{"a":1}',
      checkedText: '{"a":1}',
      sourceName: 'item.json',
      edited: false,
      loads: 1,
      notice: null,
    });
  });

  it('waits for a settle before checking typed text', () => {
    const typed = editorReducer(loaded, { type: 'edit', text: '{"a":12}' });
    expect(typed).toMatchObject({ text: '{"a":12}', checkedText: '{"a":1}', edited: true });
    expect(editorReducer(typed, { type: 'settle', text: '{"a":12}' }).checkedText).toBe('{"a":12}');
  });

  it('ignores a settle for text that has changed since', () => {
    const first = editorReducer(loaded, { type: 'edit', text: '{"a":12}' });
    const second = editorReducer(first, { type: 'edit', text: '{"a":123}' });
    expect(editorReducer(second, { type: 'settle', text: '{"a":12}' })).toBe(second);
  });

  it('returns the same state for no-op actions', () => {
    expect(editorReducer(loaded, { type: 'edit', text: '{"a":1}' })).toBe(loaded);
    expect(editorReducer(loaded, { type: 'settle', text: '{"a":1}' })).toBe(loaded);
    expect(editorReducer(loaded, { type: 'dismissNotice' })).toBe(loaded);
  });

  it('keeps the text when a file is refused, and shows why until dismissed', () => {
    const refused = editorReducer(loaded, { type: 'reject', message: 'photo.png is not JSON' });
    expect(refused.text).toBe(loaded.text);
    expect(refused.notice).toEqual({ severity: 'error', message: 'photo.png is not JSON' });
    expect(editorReducer(refused, { type: 'dismissNotice' }).notice).toBeNull();
  });

  it('clears an old notice when another document loads', () => {
    const refused = editorReducer(loaded, { type: 'reject', message: 'nope' });
    const next = editorReducer(refused, {
      type: 'load',
      text: '{}',
      sourceName: 'New minimal item',
    });
    expect(next.notice).toBeNull();
    expect(next.sourceName).toBe('New minimal item');
    expect(next.loads).toBe(2);
  });
});
