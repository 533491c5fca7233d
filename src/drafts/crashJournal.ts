// The crash journal: a synchronous copy of the text not yet saved in IndexedDB, written when the
// page is hidden or closed. IndexedDB writes started while a page unloads may never commit;
// localStorage writes finish before the call returns. The next start restores the journal when
// it is newer than the saved draft.
//
// localStorage holds about 5 MB per site, shared with everything else the site keeps there, so a
// text over `maxChars` is not copied: a marker without text is written instead, and the next start
// says that edits made just before the page closed may be missing rather than silently dropping them.

/** What the journal holds about the draft being edited when the page went away. */
export interface JournalEntry {
  /** The draft the text belongs to. */
  id: string;
  /** Milliseconds since the epoch when it was written. */
  at: number;
  /** The unsaved text; absent when it was too large or storage refused it (a marker). */
  text?: string;
}

/** The part of the Web Storage API the journal uses (localStorage, or a stand-in in tests). */
export interface JournalStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const CRASH_JOURNAL_KEY = 'stac-mlm-editor:unsaved';
/** About 2 MB as UTF-16, so the journal never takes most of the site's storage. */
export const CRASH_JOURNAL_MAX_CHARS = 1_000_000;

export type JournalWrite = 'written' | 'marker' | 'failed';

/** localStorage, or undefined where reading it throws (blocked site data, sandboxed frames). */
export function browserJournalStorage(): JournalStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    entry.id !== '' &&
    typeof entry.at === 'number' &&
    Number.isFinite(entry.at) &&
    (entry.text === undefined || typeof entry.text === 'string')
  );
}

/** The journal entry, or undefined when there is none or it cannot be read. */
export function readCrashJournal(
  storage: JournalStorage | undefined,
  key = CRASH_JOURNAL_KEY,
): JournalEntry | undefined {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return isEntry(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the unsaved text synchronously. A text over `maxChars`, or one storage refuses (full),
 * leaves a marker instead; 'failed' means not even the marker could be written.
 */
export function writeCrashJournal(
  storage: JournalStorage | undefined,
  entry: { id: string; at: number; text: string },
  { key = CRASH_JOURNAL_KEY, maxChars = CRASH_JOURNAL_MAX_CHARS } = {},
): JournalWrite {
  if (!storage) {
    return 'failed';
  }
  if (entry.text.length <= maxChars) {
    try {
      storage.setItem(key, JSON.stringify(entry));
      return 'written';
    } catch {
      // Quota exceeded: the marker below is small enough to fit where the text did not.
    }
  }
  try {
    // The old entry goes first: it may be what fills the storage.
    storage.removeItem(key);
    storage.setItem(key, JSON.stringify({ id: entry.id, at: entry.at }));
    return 'marker';
  } catch {
    return 'failed';
  }
}

/**
 * Forgets the entry a completed IndexedDB save made obsolete: the same text, or a marker for the
 * same draft written before that save started (`savedAt`).
 */
export function clearCrashJournal(
  storage: JournalStorage | undefined,
  saved: { id: string; text: string; savedAt: number },
  key = CRASH_JOURNAL_KEY,
): void {
  const entry = readCrashJournal(storage, key);
  if (
    entry &&
    entry.id === saved.id &&
    (entry.text === saved.text || (entry.text === undefined && entry.at <= saved.savedAt))
  ) {
    try {
      storage?.removeItem(key);
    } catch {
      // Blocked storage: the entry stays and, being older than the draft, is ignored on restore.
    }
  }
}

/** What to bring back on start. */
export interface RestorePlan {
  /** Text newer than the saved draft: restore it (and save it) instead of the draft. */
  journal?: { id: string; text: string; at: number };
  /** Edits newer than what is restored existed, but the journal could not hold them. */
  newerEditsLost: boolean;
}

/**
 * Decides between the saved draft of `currentId` (if any) and the journal. The journal counts
 * only for the same draft and only when it is newer than the draft's last save.
 */
export function planRestore(
  currentId: string | undefined,
  saved: { updatedAt: number } | undefined,
  journal: JournalEntry | undefined,
): RestorePlan {
  if (!journal || journal.id !== currentId || (saved && journal.at <= saved.updatedAt)) {
    return { newerEditsLost: false };
  }
  if (journal.text === undefined) {
    return { newerEditsLost: true };
  }
  return { journal: { id: journal.id, text: journal.text, at: journal.at }, newerEditsLost: false };
}
