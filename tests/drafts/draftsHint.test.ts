import { describe, expect, it } from 'vitest';

import { CRASH_JOURNAL_KEY, type JournalStorage } from '../../src/drafts/crashJournal';
import { DRAFTS_HINT_KEY, mayHaveDrafts, rememberDraftSaved } from '../../src/drafts/draftsHint';

function memoryStorage(): JournalStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('the drafts hint', () => {
  it('says a first visit has nothing to restore, and remembers a saved draft', () => {
    const storage = memoryStorage();
    expect(mayHaveDrafts(storage)).toBe(false);
    rememberDraftSaved(storage);
    expect(storage.data.get(DRAFTS_HINT_KEY)).toBe('1');
    expect(mayHaveDrafts(storage)).toBe(true);
  });

  it('counts a crash journal, blocked storage and unreadable storage as maybe', () => {
    const storage = memoryStorage();
    storage.setItem(CRASH_JOURNAL_KEY, JSON.stringify({ id: 'd1', at: 1, text: '{}' }));
    expect(mayHaveDrafts(storage)).toBe(true);
    expect(mayHaveDrafts(undefined)).toBe(true);
    const throwing: JournalStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(mayHaveDrafts(throwing)).toBe(true);
    expect(() => rememberDraftSaved(throwing)).not.toThrow();
  });
});
