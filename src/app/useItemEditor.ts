import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';

import { validateItem } from '../../schemas/validateItem';
import { checkItemText, findingsOf } from './checkItemText';
import { countFindings } from './countFindings';
import { CHECK_DELAY_MS, editorReducer, INITIAL_EDITOR_STATE } from './editorState';
import { MINIMAL_ITEM_TEXT } from './minimalItem';
import { readItemFile } from './readItemFile';
import { sortFindings } from './sortFindings';

/** Editor text, its live verdict, and the ways to change the text (type, open, drop, start new). */
export function useItemEditor() {
  const [state, dispatch] = useReducer(editorReducer, INITIAL_EDITOR_STATE);
  // Reads finish out of order; only the newest one may replace the text.
  const latestLoad = useRef(0);

  useEffect(() => {
    if (state.text === state.checkedText) {
      return undefined;
    }
    const text = state.text;
    const timer = setTimeout(() => dispatch({ type: 'settle', text }), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state.text, state.checkedText]);

  const check = useMemo(() => checkItemText(state.checkedText, validateItem), [state.checkedText]);
  const findings = useMemo(() => sortFindings(findingsOf(check)), [check]);
  const counts = useMemo(() => countFindings(findings), [findings]);

  const edit = useCallback((text: string) => dispatch({ type: 'edit', text }), []);

  const openFiles = useCallback(async (files: readonly File[]) => {
    const [file] = files;
    if (!file) {
      return;
    }
    latestLoad.current += 1;
    const load = latestLoad.current;
    const read = await readItemFile(file);
    if (load !== latestLoad.current) {
      return;
    }
    if (!read.ok) {
      dispatch({ type: 'reject', message: read.message });
      return;
    }
    dispatch({
      type: 'load',
      text: read.text,
      sourceName: file.name,
      notice:
        files.length > 1
          ? {
              severity: 'info',
              message: `${files.length} files were dropped; opened ${file.name} only. Drop one item at a time.`,
            }
          : undefined,
    });
  }, []);

  const startMinimalItem = useCallback(() => {
    latestLoad.current += 1;
    dispatch({ type: 'load', text: MINIMAL_ITEM_TEXT, sourceName: 'New minimal item' });
  }, []);

  const dismissNotice = useCallback(() => dispatch({ type: 'dismissNotice' }), []);

  return { state, check, findings, counts, edit, openFiles, startMinimalItem, dismissNotice };
}
