// Undo/redo over whole-document snapshots, shared by the form and the JSON view so one undo stack
// covers both. Snapshots are kept as given (never copied), so callers must treat them as immutable.

/** Where an edit came from: the form, the JSON text view, or anything else (import, upgrade…). */
export type EditSource = 'form' | 'json' | 'other';

export interface PushOptions {
  source: EditSource;
  /**
   * Edits with the same key and source that follow each other within `mergeWithinMs` become one
   * undo step, e.g. the keystrokes of one word typed into one field (key: the field's path).
   */
  mergeKey?: string;
}

export interface HistoryOptions {
  /** Most undo steps kept; the oldest are dropped first. */
  limit?: number;
  /** Longest pause between two edits that still merge (measured from the previous edit). */
  mergeWithinMs?: number;
  /** Clock, for tests; defaults to Date.now. */
  now?: () => number;
}

export interface EditHistory<T> {
  /** Records a new current state; clears the redo steps. A state identical (===) to the current one is ignored. */
  push(state: T, options: PushOptions): void;
  /** Steps back and returns the state to show, or `undefined` when there is nothing to undo. */
  undo(): T | undefined;
  /** Steps forward again and returns the state to show, or `undefined` when there is nothing to redo. */
  redo(): T | undefined;
  /** Starts over from `state` with no undo or redo steps (e.g. after opening another file). */
  reset(state: T): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly current: T;
}

export function createHistory<T>(
  initial: T,
  { limit = 200, mergeWithinMs = 600, now = Date.now }: HistoryOptions = {},
): EditHistory<T> {
  let past: T[] = [];
  let present = initial;
  let future: T[] = [];
  // The edit that may absorb the next one; undo, redo and reset end any merging.
  let open: { source: EditSource; mergeKey: string; at: number } | undefined;
  const maxSteps = Math.max(0, Math.floor(limit));

  return {
    push(state, { source, mergeKey }) {
      if (Object.is(state, present)) {
        return;
      }
      const at = now();
      const merges =
        open !== undefined &&
        mergeKey !== undefined &&
        open.mergeKey === mergeKey &&
        open.source === source &&
        at - open.at <= mergeWithinMs;
      if (!merges) {
        past.push(present);
        if (past.length > maxSteps) {
          past.splice(0, past.length - maxSteps);
        }
      }
      present = state;
      future = [];
      open = mergeKey === undefined ? undefined : { source, mergeKey, at };
    },
    undo() {
      if (past.length === 0) {
        return undefined;
      }
      future.push(present);
      present = past.pop() as T;
      open = undefined;
      return present;
    },
    redo() {
      if (future.length === 0) {
        return undefined;
      }
      past.push(present);
      present = future.pop() as T;
      open = undefined;
      return present;
    },
    reset(state) {
      past = [];
      future = [];
      present = state;
      open = undefined;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    get current() {
      return present;
    },
  };
}
