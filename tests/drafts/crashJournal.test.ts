import { describe, expect, it } from 'vitest';

import {
  CRASH_JOURNAL_KEY,
  clearCrashJournal,
  type JournalStorage,
  planRestore,
  readCrashJournal,
  writeCrashJournal,
} from '../../src/drafts/crashJournal';

/** An in-memory Web Storage with a quota in characters, like localStorage's. */
function memoryStorage(quotaChars = Infinity): JournalStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      const without = used() - (data.has(key) ? key.length + (data.get(key)?.length ?? 0) : 0);
      if (without + key.length + value.length > quotaChars) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      data.set(key, value);
    },
    removeItem: (key) => void data.delete(key),
  };
}

const blocked: JournalStorage = {
  getItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
  removeItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('writeCrashJournal and readCrashJournal', () => {
  it('writes the text synchronously and reads it back', () => {
    const storage = memoryStorage();
    const entry = { id: 'draft-1', at: 1000, text: '{"id": "typed"}' };
    expect(writeCrashJournal(storage, entry)).toBe('written');
    expect(readCrashJournal(storage)).toEqual(entry);
    expect(storage.data.has(CRASH_JOURNAL_KEY)).toBe(true);
  });

  it('writes a marker without the text when the text is over the size cap', () => {
    const storage = memoryStorage();
    const text = 'x'.repeat(101);
    expect(writeCrashJournal(storage, { id: 'big', at: 5, text }, { maxChars: 100 })).toBe(
      'marker',
    );
    expect(readCrashJournal(storage)).toEqual({ id: 'big', at: 5 });
    expect(
      writeCrashJournal(storage, { id: 'big', at: 6, text: text.slice(1) }, { maxChars: 100 }),
    ).toBe('written');
  });

  it('falls back to a marker when storage is full, replacing an older entry that filled it', () => {
    const storage = memoryStorage(500);
    expect(writeCrashJournal(storage, { id: 'd', at: 1, text: 'a'.repeat(300) })).toBe('written');
    storage.setItem('other-app-data', 'b'.repeat(50));
    expect(writeCrashJournal(storage, { id: 'd', at: 2, text: 'c'.repeat(420) })).toBe('marker');
    expect(readCrashJournal(storage)).toEqual({ id: 'd', at: 2 });
    expect(storage.getItem('other-app-data')).toHaveLength(50);
  });

  it('reports failure instead of throwing when storage is blocked or missing', () => {
    expect(writeCrashJournal(blocked, { id: 'd', at: 1, text: '{}' })).toBe('failed');
    expect(writeCrashJournal(undefined, { id: 'd', at: 1, text: '{}' })).toBe('failed');
    expect(readCrashJournal(blocked)).toBeUndefined();
    expect(readCrashJournal(undefined)).toBeUndefined();
  });

  it('ignores entries that are damaged or of another shape', () => {
    const storage = memoryStorage();
    for (const raw of [
      'not json',
      '42',
      'null',
      '{"id": "", "at": 1, "text": "x"}',
      '{"id": "d", "at": "yesterday", "text": "x"}',
      '{"id": "d", "at": 1, "text": 7}',
    ]) {
      storage.setItem(CRASH_JOURNAL_KEY, raw);
      expect(readCrashJournal(storage), raw).toBeUndefined();
    }
  });
});

describe('clearCrashJournal', () => {
  it('removes the entry once a save of the same text has completed', () => {
    const storage = memoryStorage();
    writeCrashJournal(storage, { id: 'd', at: 10, text: 'latest' });
    clearCrashJournal(storage, { id: 'd', text: 'older', savedAt: 20 });
    expect(readCrashJournal(storage)?.text).toBe('latest');
    clearCrashJournal(storage, { id: 'other', text: 'latest', savedAt: 20 });
    expect(readCrashJournal(storage)?.text).toBe('latest');
    clearCrashJournal(storage, { id: 'd', text: 'latest', savedAt: 9 });
    expect(readCrashJournal(storage)).toBeUndefined();
  });

  it('removes a marker only after a save that started after it was written', () => {
    const storage = memoryStorage();
    writeCrashJournal(storage, { id: 'd', at: 10, text: 'x'.repeat(20) }, { maxChars: 10 });
    clearCrashJournal(storage, { id: 'd', text: 'anything', savedAt: 9 });
    expect(readCrashJournal(storage)).toEqual({ id: 'd', at: 10 });
    clearCrashJournal(storage, { id: 'd', text: 'anything', savedAt: 10 });
    expect(readCrashJournal(storage)).toBeUndefined();
  });

  it('does not throw when storage is blocked', () => {
    expect(() => clearCrashJournal(blocked, { id: 'd', text: 'x', savedAt: 1 })).not.toThrow();
  });
});

describe('planRestore', () => {
  const journal = { id: 'd', at: 200, text: 'from the journal' };

  it('restores the journal when it is newer than the saved draft', () => {
    expect(planRestore('d', { updatedAt: 100 }, journal)).toEqual({
      journal,
      newerEditsLost: false,
    });
  });

  it('restores the journal when the draft never reached IndexedDB', () => {
    expect(planRestore('d', undefined, journal).journal).toEqual(journal);
  });

  it('keeps the saved draft when it is as new as the journal or newer', () => {
    expect(planRestore('d', { updatedAt: 200 }, journal)).toEqual({ newerEditsLost: false });
    expect(planRestore('d', { updatedAt: 300 }, journal)).toEqual({ newerEditsLost: false });
  });

  it('ignores a journal of another draft, or no journal at all', () => {
    expect(planRestore('other', { updatedAt: 100 }, journal)).toEqual({ newerEditsLost: false });
    expect(planRestore(undefined, undefined, journal)).toEqual({ newerEditsLost: false });
    expect(planRestore('d', { updatedAt: 100 }, undefined)).toEqual({ newerEditsLost: false });
  });

  it('says newer edits were lost when only a marker is newer than the draft', () => {
    const marker = { id: 'd', at: 200 };
    expect(planRestore('d', { updatedAt: 100 }, marker)).toEqual({ newerEditsLost: true });
    expect(planRestore('d', undefined, marker)).toEqual({ newerEditsLost: true });
    expect(planRestore('d', { updatedAt: 250 }, marker)).toEqual({ newerEditsLost: false });
  });
});
