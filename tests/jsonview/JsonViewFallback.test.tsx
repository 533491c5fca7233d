// @vitest-environment jsdom
import type * as CodeMirrorView from '@codemirror/view';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';

import { JsonView } from '../../src/jsonview/JsonView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Stands in for any exception while CodeMirror mounts (an unsupported browser, a broken extension).
vi.mock('@codemirror/view', async (importOriginal) => {
  const original = await importOriginal<typeof CodeMirrorView>();
  class FailingEditorView extends original.EditorView {
    constructor() {
      throw new Error('mount failed');
      // Never reached; TypeScript requires a derived constructor to call super.
      super();
    }
  }
  return { ...original, EditorView: FailingEditorView };
});

afterEach(() => {
  vi.restoreAllMocks();
});

it('falls back to a labelled textarea that still edits, undoes and selects', () => {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const onChange = vi.fn();
  const onUndo = vi.fn();
  const onRedo = vi.fn();
  const base = { findings: [], label: 'Item JSON', onChange, onUndo, onRedo };
  act(() => root.render(<JsonView {...base} text='{"id": "a"}' />));

  const textarea = host.querySelector('textarea');
  expect(textarea).not.toBeNull();
  expect(textarea?.getAttribute('aria-label')).toBe('Item JSON');
  expect(textarea?.value).toBe('{"id": "a"}');
  expect(consoleError).toHaveBeenCalled();

  // React listens for the native input event on a controlled textarea.
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  act(() => {
    setValue?.call(textarea, '{"id": "b"}');
    textarea?.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(onChange).toHaveBeenCalledWith('{"id": "b"}');

  textarea?.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }),
  );
  expect(onUndo).toHaveBeenCalledTimes(1);

  act(() =>
    root.render(<JsonView {...base} text='{"id": "c"}' selection={{ start: 7, end: 10 }} />),
  );
  expect(textarea?.value).toBe('{"id": "c"}');
  expect(document.activeElement).toBe(textarea);
  expect([textarea?.selectionStart, textarea?.selectionEnd]).toEqual([7, 10]);

  act(() => root.unmount());
  host.remove();
});
