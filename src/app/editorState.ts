/** How long typing must pause before the text is checked again. */
export const CHECK_DELAY_MS = 200;

export interface Notice {
  severity: 'error' | 'info';
  message: string;
}

export interface EditorState {
  /** What the text area shows. */
  text: string;
  /** The text the shown verdict belongs to; lags behind `text` while the user is typing. */
  checkedText: string;
  /** Where the text came from (a file name or "New minimal item"); null for typed or pasted text. */
  sourceName: string | null;
  /** True once the user changed text that came from a source. */
  edited: boolean;
  /** Counts loaded documents, so the text area can tell a new document from an edit. */
  loads: number;
  notice: Notice | null;
}

export type EditorAction =
  | { type: 'edit'; text: string }
  | { type: 'load'; text: string; sourceName: string; notice?: Notice }
  | { type: 'settle'; text: string }
  | { type: 'reject'; message: string }
  | { type: 'dismissNotice' };

export const INITIAL_EDITOR_STATE: EditorState = {
  text: '',
  checkedText: '',
  sourceName: null,
  edited: false,
  loads: 0,
  notice: null,
};

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit':
      return action.text === state.text ? state : { ...state, text: action.text, edited: true };
    case 'load':
      // A loaded document is checked at once: there is no typing to wait for.
      return {
        text: action.text,
        checkedText: action.text,
        sourceName: action.sourceName,
        edited: false,
        loads: state.loads + 1,
        notice: action.notice ?? null,
      };
    case 'settle':
      // A timer that fires for text that has changed since is stale; the newer timer will come.
      return action.text === state.text && action.text !== state.checkedText
        ? { ...state, checkedText: action.text }
        : state;
    case 'reject':
      // A refused file leaves the current text alone.
      return { ...state, notice: { severity: 'error', message: action.message } };
    case 'dismissNotice':
      return state.notice === null ? state : { ...state, notice: null };
  }
}
