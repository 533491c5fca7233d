// The only file that loads CodeMirror at runtime: the app imports it with React.lazy, so the editor
// and its language support end up in their own chunk, fetched when the JSON view is first shown.
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { forceLinting, lintGutter, lintKeymap, linter } from '@codemirror/lint';
import {
  Annotation,
  Compartment,
  EditorSelection,
  EditorState,
  Prec,
  StateEffect,
  StateField,
} from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useLayoutEffect, useRef, useState } from 'react';

import type { Finding } from '../../schemas/finding';
import type { TextRange } from '../../schemas/locatePointer';
import { historyKeyCommand } from './historyKeyCommand';
import { jsonViewDiagnostics } from './jsonViewDiagnostics';
import { MONOSPACE_FONTS } from '../shared/fonts';
import { JSON_VIEW_MIN_HEIGHT, JSON_VIEW_THEME } from './jsonViewTheme';
import { minimalChange } from './minimalChange';
import { sameFindings } from './sameFindings';

export interface JsonViewProps {
  /** The document text; the view follows it (controlled). */
  text: string;
  /** Called with the whole text after each edit made in the view, never for `text` updates. */
  onChange: (text: string) => void;
  /** Validation findings, shown in place by their JSON pointers. */
  findings: readonly Finding[];
  /** Accessible name of the editable content, e.g. "Item JSON". */
  label: string;
  /** The app owns one undo history across the form and the JSON; the view only forwards the keys. */
  onUndo: () => void;
  onRedo: () => void;
  /** A range to select, scroll to and focus; a new object each time it is asked (e.g. a finding clicked). */
  selection?: TextRange | undefined;
  readOnly?: boolean | undefined;
}

/** Marks the transactions that apply `text` from outside, so they are not echoed through onChange. */
const fromProps = Annotation.define<boolean>();

const setFindings = StateEffect.define<readonly Finding[]>();

// Findings live in the editor state so the linter reads the ones current when it runs.
const findingsField = StateField.define<readonly Finding[]>({
  create: () => [],
  update: (findings, tr) => {
    for (const effect of tr.effects) {
      if (effect.is(setFindings)) {
        return effect.value;
      }
    }
    return findings;
  },
});

// Long enough that typing in a big document is not re-parsed on every key, short enough to feel live.
const LINT_DELAY_MS = 300;

const jsonLinter = linter(
  (view) => jsonViewDiagnostics(view.state.doc.toString(), view.state.field(findingsField)),
  {
    delay: LINT_DELAY_MS,
    needsRefresh: (update) =>
      update.transactions.some((tr) => tr.effects.some((effect) => effect.is(setFindings))),
  },
);

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.userAgent);

function accessibility(label: string, readOnly: boolean) {
  return EditorView.contentAttributes.of({
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-readonly': String(readOnly),
    // contenteditable is focusable already; the explicit tabindex lets checkers (axe's
    // scrollable-region-focusable) see that the scrolled content is reachable by keyboard.
    tabindex: '0',
  });
}

function editability(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

function clampRange(range: TextRange, length: number): { from: number; to: number } {
  const from = Math.min(Math.max(range.start, 0), length);
  return { from, to: Math.min(Math.max(range.end, from), length) };
}

/**
 * The item's JSON in a CodeMirror editor: highlighted, foldable, with findings as lint marks.
 * Edits go out through onChange; `text` changes coming in are applied as the smallest replacement,
 * so typing, the cursor and folds survive form edits. If CodeMirror cannot start, a plain textarea
 * takes its place with the same label and callbacks.
 */
export function JsonView({
  text,
  onChange,
  findings,
  label,
  onUndo,
  onRedo,
  selection,
  readOnly = false,
}: JsonViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // The text the editor holds, kept as a string so a `text` prop can be compared without
  // serialising a document of hundreds of KB on every render.
  const editorText = useRef(text);
  const [failed, setFailed] = useState(false);

  // The view is created once; it reaches the latest props and callbacks through this ref.
  const latest = useRef({ text, label, readOnly, onChange, onUndo, onRedo });
  const settings = useRef({ access: new Compartment(), editable: new Compartment() });

  useLayoutEffect(() => {
    latest.current = { text, label, readOnly, onChange, onUndo, onRedo };
  });

  useLayoutEffect(() => {
    const parent = container.current;
    if (!parent) {
      return undefined;
    }
    const props = latest.current;
    const { access, editable } = settings.current;
    const runHistory = (command: 'undo' | 'redo') => {
      if (command === 'undo') {
        latest.current.onUndo();
      } else {
        latest.current.onRedo();
      }
      return true;
    };
    let view: EditorView;
    try {
      view = new EditorView({
        parent,
        state: EditorState.create({
          doc: props.text,
          extensions: [
            // No history(): undo is the app's, across form and JSON edits alike. A keydown handler
            // rather than a keymap, so Shift is read from the event (see historyKeyCommand).
            Prec.high(
              EditorView.domEventHandlers({
                keydown: (event, view) => {
                  const command = historyKeyCommand(event, IS_MAC);
                  // A read-only view changes nothing, so it has nothing to undo either.
                  if (!command || view.state.readOnly) {
                    return false;
                  }
                  event.preventDefault();
                  return runHistory(command);
                },
                // Edit-menu and touch-bar undo arrive as beforeinput, not as keys; without this the
                // browser would undo inside the contenteditable behind CodeMirror's back.
                beforeinput: (event, view) => {
                  if (
                    !view.state.readOnly &&
                    (event.inputType === 'historyUndo' || event.inputType === 'historyRedo')
                  ) {
                    event.preventDefault();
                    return runHistory(event.inputType === 'historyUndo' ? 'undo' : 'redo');
                  }
                  return false;
                },
              }),
            ),
            keymap.of([...defaultKeymap, ...foldKeymap, ...lintKeymap]),
            lineNumbers(),
            highlightActiveLineGutter(),
            foldGutter(),
            lintGutter(),
            highlightSpecialChars(),
            drawSelection(),
            indentOnInput(),
            indentUnit.of('  '),
            syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
            bracketMatching(),
            highlightActiveLine(),
            json(),
            findingsField,
            jsonLinter,
            EditorView.theme(JSON_VIEW_THEME),
            access.of(accessibility(props.label, props.readOnly)),
            editable.of(editability(props.readOnly)),
            EditorView.updateListener.of((update) => {
              if (
                !update.docChanged ||
                update.transactions.every((tr) => !tr.docChanged || tr.annotation(fromProps))
              ) {
                return;
              }
              editorText.current = update.state.doc.toString();
              latest.current.onChange(editorText.current);
            }),
          ],
        }),
      });
    } catch (error) {
      console.error('The JSON editor could not start; falling back to a plain text area.', error);
      setFailed(true);
      return undefined;
    }
    editorText.current = props.text;
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
    };
  }, []);

  useLayoutEffect(() => {
    const view = viewRef.current;
    // Equal text is the echo of the user's own edit (or nothing new): leave the editor alone.
    if (!view || text === editorText.current) {
      return;
    }
    const change = minimalChange(editorText.current, text);
    editorText.current = text;
    if (change) {
      view.dispatch({ changes: change, annotations: fromProps.of(true) });
    }
  }, [text]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) {
      return;
    }
    const { access, editable } = settings.current;
    view.dispatch({
      effects: [
        access.reconfigure(accessibility(label, readOnly)),
        editable.reconfigure(editability(readOnly)),
      ],
    });
  }, [label, readOnly]);

  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view || sameFindings(view.state.field(findingsField), findings)) {
      return;
    }
    view.dispatch({ effects: setFindings.of(findings) });
    // Findings change when validation finishes: show them now rather than after the lint delay.
    forceLinting(view);
  }, [findings]);

  useLayoutEffect(() => {
    if (!selection) {
      return;
    }
    const view = viewRef.current;
    if (view) {
      const { from, to } = clampRange(selection, view.state.doc.length);
      view.dispatch({
        selection: EditorSelection.single(from, to),
        // Centre the start: a finding on a large object is most useful read from its first line.
        effects: EditorView.scrollIntoView(from, { y: 'center' }),
      });
      view.focus();
      return;
    }
    const element = textarea.current;
    if (element) {
      const { from, to } = clampRange(selection, element.value.length);
      element.focus();
      element.setSelectionRange(from, to);
    }
  }, [selection]);

  if (failed) {
    return (
      <textarea
        ref={textarea}
        aria-label={label}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          const command = historyKeyCommand(event, IS_MAC);
          if (command && !readOnly) {
            // A controlled textarea's native undo fights React; the app's history is the one to use.
            event.preventDefault();
            if (command === 'undo') {
              onUndo();
            } else {
              onRedo();
            }
          }
        }}
        style={{
          boxSizing: 'border-box',
          width: '100%',
          height: '100%',
          minHeight: JSON_VIEW_MIN_HEIGHT,
          resize: 'none',
          fontFamily: MONOSPACE_FONTS,
          fontSize: 13,
          lineHeight: 1.5,
          padding: 8,
          border: '1px solid rgba(0, 0, 0, 0.23)',
          borderRadius: 6,
        }}
      />
    );
  }

  return (
    <div
      ref={container}
      style={{
        height: '100%',
        minHeight: JSON_VIEW_MIN_HEIGHT,
        border: '1px solid rgba(0, 0, 0, 0.23)',
        borderRadius: 6,
        overflow: 'hidden',
        // Long lines scroll inside the editor instead of widening the panel (and a flex parent).
        contain: 'inline-size',
        display: 'flex',
        flexDirection: 'column',
      }}
    />
  );
}
