// @vitest-environment jsdom
import { forEachDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { act, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Finding } from '../../schemas/finding';
import { JsonView, type JsonViewProps } from '../../src/jsonview/JsonView';

// Tells React this is a test runner, so act() flushes effects without warnings.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TEXT = '{\n  "type": "Feature",\n  "id": "a"\n}';

// jsdom does no layout; CodeMirror measures text ranges, so give them empty geometry.
const noRects = () => [] as unknown as DOMRectList;
Range.prototype.getClientRects ??= noRects;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function props(overrides: Partial<JsonViewProps> = {}): JsonViewProps {
  return {
    text: TEXT,
    onChange: vi.fn(),
    findings: [],
    label: 'Item JSON',
    onUndo: vi.fn(),
    onRedo: vi.fn(),
    ...overrides,
  };
}

function render(p: JsonViewProps): void {
  act(() => root.render(<JsonView {...p} />));
}

function editor(): { content: HTMLElement; view: EditorView } {
  const content = host.querySelector<HTMLElement>('.cm-content');
  if (!content) {
    throw new Error('CodeMirror did not mount');
  }
  const view = EditorView.findFromDOM(content);
  if (!view) {
    throw new Error('No EditorView for the content element');
  }
  return { content, view };
}

function diagnostics(view: EditorView): Diagnostic[] {
  const found: Diagnostic[] = [];
  forEachDiagnostic(view.state, (d, from, to) => found.push({ ...d, from, to }));
  return found;
}

describe('JsonView', () => {
  it('exposes a labelled multi-line textbox', () => {
    render(props());
    const { content, view } = editor();
    expect(content.getAttribute('role')).toBe('textbox');
    expect(content.getAttribute('aria-multiline')).toBe('true');
    expect(content.getAttribute('aria-label')).toBe('Item JSON');
    expect(view.state.doc.toString()).toBe(TEXT);
    expect(host.querySelector('.cm-lineNumbers')).not.toBeNull();
    expect(host.querySelector('.cm-foldGutter')).not.toBeNull();
    expect(host.querySelector('.cm-gutter-lint')).not.toBeNull();
  });

  it('follows the text prop with a minimal change and without calling onChange', () => {
    const p = props();
    render(p);
    const { view } = editor();
    view.dispatch({ selection: { anchor: 2 } });
    const changes: { from: number; to: number; insert: string }[] = [];
    const original = view.dispatch.bind(view);
    const spy = vi.spyOn(view, 'dispatch').mockImplementation((...args: unknown[]) => {
      const spec = args[0] as { changes?: { from: number; to: number; insert: string } };
      if (spec?.changes) {
        changes.push(spec.changes);
      }
      (original as (...a: unknown[]) => void)(...args);
    });
    const next = TEXT.replace('"a"', '"abc"');
    render({ ...p, text: next });
    spy.mockRestore();
    expect(view.state.doc.toString()).toBe(next);
    expect(changes).toEqual([
      { from: TEXT.indexOf('"a"') + 2, to: TEXT.indexOf('"a"') + 2, insert: 'bc' },
    ]);
    expect(p.onChange).not.toHaveBeenCalled();
    // The cursor before the change stays where it was.
    expect(view.state.selection.main.head).toBe(2);
  });

  it('calls onChange for user input and ignores the echo of it', () => {
    const p = props();
    render(p);
    const { view } = editor();
    act(() => {
      view.dispatch({ changes: { from: 1, insert: ' ' }, userEvent: 'input.type' });
    });
    const typed = `{ ${TEXT.slice(1)}`;
    expect(p.onChange).toHaveBeenCalledTimes(1);
    expect(p.onChange).toHaveBeenCalledWith(typed);
    // The app hands the same text back: nothing to apply, cursor untouched.
    view.dispatch({ selection: { anchor: 2 } });
    const dispatch = vi.spyOn(view, 'dispatch');
    render({ ...p, text: typed });
    expect(dispatch).not.toHaveBeenCalledWith(
      expect.objectContaining({ changes: expect.anything() }),
    );
    dispatch.mockRestore();
    expect(view.state.selection.main.head).toBe(2);
    expect(p.onChange).toHaveBeenCalledTimes(1);
  });

  it('forwards undo and redo keys to the app instead of a local history', () => {
    const p = props();
    render(p);
    const { content } = editor();
    const press = (init: KeyboardEventInit) =>
      content.dispatchEvent(
        new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
      );
    press({ key: 'z', ctrlKey: true });
    // keyCode is what a real browser sends; CodeMirror reads it to name shifted keys.
    press({ key: 'Z', keyCode: 90, ctrlKey: true, shiftKey: true });
    press({ key: 'y', ctrlKey: true });
    expect(p.onUndo).toHaveBeenCalledTimes(1);
    expect(p.onRedo).toHaveBeenCalledTimes(2);
  });

  it('keeps no undo history of its own', () => {
    const p = props();
    render(p);
    const { content, view } = editor();
    act(() => {
      view.dispatch({ changes: { from: 0, insert: 'x' }, userEvent: 'input.type' });
    });
    render({ ...p, text: `x${TEXT}` });
    content.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    // The edit stays until the app answers onUndo with a new text.
    expect(view.state.doc.toString()).toBe(`x${TEXT}`);
    expect(p.onUndo).toHaveBeenCalledTimes(1);
    render({ ...p, text: TEXT });
    expect(view.state.doc.toString()).toBe(TEXT);
    expect(p.onChange).toHaveBeenCalledTimes(1);
  });

  it('forwards Edit-menu undo and redo (beforeinput) to the app', () => {
    const p = props();
    render(p);
    const { content } = editor();
    const undo = new InputEvent('beforeinput', {
      inputType: 'historyUndo',
      bubbles: true,
      cancelable: true,
    });
    content.dispatchEvent(undo);
    content.dispatchEvent(
      new InputEvent('beforeinput', { inputType: 'historyRedo', bubbles: true, cancelable: true }),
    );
    expect(undo.defaultPrevented).toBe(true);
    expect(p.onUndo).toHaveBeenCalledTimes(1);
    expect(p.onRedo).toHaveBeenCalledTimes(1);
  });

  it('maps the cursor through an outside change made before it', () => {
    const p = props();
    render(p);
    const { view } = editor();
    const end = TEXT.length - 2;
    view.dispatch({ selection: { anchor: end } });
    render({ ...p, text: TEXT.replace('"Feature"', '"FeatureCollection"') });
    expect(view.state.selection.main.head).toBe(end + 'Collection'.length);
  });

  it('shows findings and the syntax error as diagnostics', async () => {
    const finding: Finding = {
      severity: 'warning',
      code: 'mlm-id',
      path: '/id',
      message: 'Check the id.',
      source: 'lint',
    };
    const p = props({ findings: [finding] });
    render(p);
    const { view } = editor();
    // The linter delivers its results in a microtask.
    await act(async () => {});
    expect(diagnostics(view)).toEqual([
      expect.objectContaining({ severity: 'warning', message: 'Check the id.' }),
    ]);
    const [d] = diagnostics(view);
    expect(d && view.state.sliceDoc(d.from, d.to)).toBe('"a"');

    const broken = TEXT.replace('"id"', '"id" ');
    render({ ...p, text: broken.replace(': "a"', ' "a"'), findings: [] });
    await act(async () => {});
    expect(diagnostics(view)).toEqual([
      expect.objectContaining({ severity: 'error', source: 'json-syntax' }),
    ]);
  });

  it('selects, scrolls to and focuses a requested range', () => {
    const p = props();
    render(p);
    const { view } = editor();
    const start = TEXT.indexOf('"Feature"');
    render({ ...p, selection: { start, end: start + 9 } });
    expect(view.state.selection.main.from).toBe(start);
    expect(view.state.selection.main.to).toBe(start + 9);
    expect(view.hasFocus).toBe(true);
    // Out-of-range requests are clamped rather than thrown.
    render({ ...p, selection: { start: 5, end: 10_000 } });
    expect(view.state.selection.main.to).toBe(TEXT.length);
  });

  it('mounts one working editor under StrictMode', () => {
    const p = props();
    act(() =>
      root.render(
        <StrictMode>
          <JsonView {...p} />
        </StrictMode>,
      ),
    );
    expect(host.querySelectorAll('.cm-editor')).toHaveLength(1);
    const { view } = editor();
    act(() => {
      view.dispatch({ changes: { from: 0, insert: ' ' }, userEvent: 'input.type' });
    });
    expect(p.onChange).toHaveBeenCalledExactlyOnceWith(` ${TEXT}`);
  });

  it('switches to read-only and relabels', () => {
    const p = props();
    render(p);
    render({ ...p, readOnly: true, label: 'Item JSON (read-only)' });
    const { content, view } = editor();
    expect(view.state.readOnly).toBe(true);
    expect(content.getAttribute('contenteditable')).toBe('false');
    expect(content.getAttribute('aria-label')).toBe('Item JSON (read-only)');
    content.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }),
    );
    expect(p.onUndo).not.toHaveBeenCalled();
  });
});
