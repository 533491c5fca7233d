// Debounced saving: the editor calls schedule() on every change and the text is saved once typing
// pauses. flushNow() starts the save at once, for `pagehide` and `visibilitychange` (hidden), and
// hands back the text still unsaved for the crash journal, so closing or reloading the tab right
// after a keystroke loses nothing.

export interface AutosaverOptions {
  /** Quiet time after the last change before saving. */
  delayMs: number;
  /**
   * Longest time a change may wait while changes keep coming, so a long typing burst is still
   * saved now and then. Defaults to ten times `delayMs`.
   */
  maxWaitMs?: number;
  /** Called when a save rejects or throws; defaults to console.error. */
  onError?: (error: unknown) => void;
}

export interface Autosaver {
  /**
   * Notes the latest text; it is saved after `delayMs` without further changes. A function is
   * called only when the save starts, so a burst of edits serializes the document once.
   */
  schedule(text: string | (() => string)): void;
  /** Saves the pending text now (if any) and resolves when every save started so far has ended. */
  flush(): Promise<void>;
  /**
   * Starts saving the pending text now, without waiting, and returns the newest text not known to
   * be saved yet (the save just started, one still running, or one that failed), or undefined when
   * everything is saved. For `pagehide`: the page may be gone before the save ends, so the caller
   * also copies this text to storage that writes synchronously.
   */
  flushNow(): string | undefined;
  /** Forgets the pending text without saving it (e.g. when switching to another draft). */
  cancel(): void;
  /** True while a change is waiting to be saved. */
  readonly pending: boolean;
}

/**
 * Creates a debounced saver around `save`. Saves start in the order of the changes; `save` must
 * apply them in the order it is called (IndexedDB read-write transactions do), because a flush may
 * start a save while an earlier one is still running.
 */
export function createAutosaver(
  save: (text: string) => Promise<unknown>,
  { delayMs, maxWaitMs = delayMs * 10, onError }: AutosaverOptions,
): Autosaver {
  let pendingText: string | (() => string) | undefined;
  let firstChangeAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = new Set<Promise<void>>();
  // The text of the newest save started, until that save succeeds.
  let unsaved: string | undefined;

  const report = (error: unknown) => {
    if (onError) {
      onError(error);
    } else {
      console.error('Autosave failed:', error);
    }
  };

  function clearTimer(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  }

  function saveNow(): void {
    clearTimer();
    if (pendingText === undefined) {
      return;
    }
    const pending = pendingText;
    pendingText = undefined;
    let started: Promise<unknown>;
    const text = typeof pending === 'function' ? pending() : pending;
    unsaved = text;
    // Called synchronously, not from a promise callback: during `pagehide` the save has to begin
    // before the handler returns, or the page may be gone before it does.
    try {
      started = save(text);
    } catch (error) {
      started = Promise.reject(error);
    }
    const done = Promise.resolve(started).then(() => {
      // Only the newest save clears it: an older one ending later says nothing about newer text.
      if (unsaved === text) {
        unsaved = undefined;
      }
    }, report);
    running.add(done);
    void done.then(() => running.delete(done));
  }

  return {
    schedule(text) {
      const now = Date.now();
      if (pendingText === undefined) {
        firstChangeAt = now;
      }
      pendingText = text;
      clearTimer();
      const wait = Math.max(0, Math.min(delayMs, firstChangeAt + maxWaitMs - now));
      timer = setTimeout(saveNow, wait);
    },
    async flush() {
      saveNow();
      await Promise.all(running);
    },
    flushNow() {
      saveNow();
      return unsaved;
    },
    cancel() {
      clearTimer();
      pendingText = undefined;
      unsaved = undefined;
    },
    get pending() {
      return pendingText !== undefined;
    },
  };
}
