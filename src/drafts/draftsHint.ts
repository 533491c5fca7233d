import { CRASH_JOURNAL_KEY, type JournalStorage, readCrashJournal } from './crashJournal';

// Whether this browser may hold a draft, known synchronously. Finding out from IndexedDB takes an
// open and a read, which on a slow device is most of a second before the form can show: a first
// visit need not wait for it. localStorage keeps a hint, written when a draft is first saved.

export const DRAFTS_HINT_KEY = 'stac-mlm-editor:has-drafts';

/** Remembers that a draft was saved in this browser. */
export function rememberDraftSaved(storage: JournalStorage | undefined): void {
  try {
    if (storage?.getItem(DRAFTS_HINT_KEY) !== '1') {
      storage?.setItem(DRAFTS_HINT_KEY, '1');
    }
  } catch {
    // Storage refused: the next start waits for IndexedDB, as without the hint.
  }
}

/**
 * False only when this browser certainly has nothing to restore: storage is readable and holds
 * neither the hint nor a crash journal. Unknown (storage blocked) counts as maybe.
 */
export function mayHaveDrafts(storage: JournalStorage | undefined): boolean {
  if (!storage) {
    return true;
  }
  try {
    return (
      storage.getItem(DRAFTS_HINT_KEY) === '1' ||
      readCrashJournal(storage, CRASH_JOURNAL_KEY) !== undefined
    );
  } catch {
    return true;
  }
}
