import 'fake-indexeddb/auto';

import { createStore, type UseStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';

import {
  createDraftStore,
  deleteDraft,
  type Draft,
  type DraftStore,
  getCurrentDraftId,
  listDrafts,
  loadDraft,
  renameDraft,
  saveDraft,
  setCurrentDraftId,
} from '../../src/drafts/draftStore';

let dbCount = 0;
/** A store in a database of its own, so tests never see each other's drafts. */
function freshStore(): { drafts: DraftStore; raw: UseStore } {
  dbCount += 1;
  const raw = createStore(`drafts-test-${dbCount}`, 'drafts');
  return { drafts: createDraftStore(raw), raw };
}

const draft = (id: string, updatedAt: number, text = `{"id":"${id}"}`): Draft => ({
  id,
  name: `Draft ${id}`,
  updatedAt,
  text,
});

/** Unwraps a successful result, failing the test with the message otherwise. */
function value<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) {
    throw new Error(`Expected success, got: ${result.message}`);
  }
  return result.value;
}

describe('draftStore with IndexedDB', () => {
  let drafts: DraftStore;
  let raw: UseStore;

  beforeEach(() => {
    ({ drafts, raw } = freshStore());
  });

  it('saves and loads a draft, even when its text is not valid JSON', async () => {
    const broken = draft('a', 1000, '{"type": "Feature", "id": ');
    expect(value(await drafts.saveDraft(broken))).toEqual({
      id: 'a',
      name: 'Draft a',
      updatedAt: 1000,
      size: broken.text.length,
    });
    expect(value(await drafts.loadDraft('a'))).toEqual(broken);
  });

  it('returns undefined for a draft that does not exist', async () => {
    expect(await drafts.loadDraft('nope')).toEqual({ ok: true, value: undefined });
  });

  it('lists drafts newest first, without their text', async () => {
    await drafts.saveDraft(draft('old', 1000));
    await drafts.saveDraft(draft('new', 3000));
    await drafts.saveDraft(draft('mid', 2000));
    const list = value(await drafts.listDrafts());
    expect(list.map((d) => d.id)).toEqual(['new', 'mid', 'old']);
    expect(list[0]).not.toHaveProperty('text');
  });

  it('replaces a draft saved again under the same id, keeping one list entry', async () => {
    await drafts.saveDraft(draft('a', 1000, 'first'));
    await drafts.saveDraft({ ...draft('a', 2000, 'second'), name: 'Renamed on save' });
    expect(value(await drafts.loadDraft('a'))?.text).toBe('second');
    expect(value(await drafts.listDrafts())).toEqual([
      { id: 'a', name: 'Renamed on save', updatedAt: 2000, size: 6 },
    ]);
  });

  it('stores only the draft fields', async () => {
    await drafts.saveDraft({ ...draft('a', 1), extra: 'x' } as Draft);
    expect(value(await drafts.loadDraft('a'))).toEqual(draft('a', 1));
  });

  it('renames a draft without changing its text or time', async () => {
    await drafts.saveDraft(draft('a', 1000));
    await drafts.saveDraft(draft('b', 2000));
    expect(value(await drafts.renameDraft('a', 'My ResNet'))).toEqual({
      id: 'a',
      name: 'My ResNet',
      updatedAt: 1000,
      size: draft('a', 1000).text.length,
    });
    expect(value(await drafts.loadDraft('a'))).toEqual({ ...draft('a', 1000), name: 'My ResNet' });
    expect(value(await drafts.listDrafts()).map((d) => d.name)).toEqual(['Draft b', 'My ResNet']);
  });

  it('reports renaming a missing draft or to an empty name', async () => {
    expect(await drafts.renameDraft('ghost', 'x')).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    await drafts.saveDraft(draft('a', 1));
    expect(await drafts.renameDraft('a', '  ')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('deletes a draft and its list entry, and is fine with a missing one', async () => {
    await drafts.saveDraft(draft('a', 1));
    await drafts.saveDraft(draft('b', 2));
    expect(await drafts.deleteDraft('a')).toEqual({ ok: true, value: undefined });
    expect(await drafts.deleteDraft('a')).toEqual({ ok: true, value: undefined });
    expect(value(await drafts.loadDraft('a'))).toBeUndefined();
    expect(value(await drafts.listDrafts()).map((d) => d.id)).toEqual(['b']);
  });

  it('remembers the current draft and forgets it when that draft is deleted', async () => {
    expect(value(await drafts.getCurrentDraftId())).toBeUndefined();
    await drafts.saveDraft(draft('a', 1));
    await drafts.saveDraft(draft('b', 2));
    await drafts.setCurrentDraftId('a');
    expect(value(await drafts.getCurrentDraftId())).toBe('a');
    await drafts.deleteDraft('b');
    expect(value(await drafts.getCurrentDraftId())).toBe('a');
    await drafts.deleteDraft('a');
    expect(value(await drafts.getCurrentDraftId())).toBeUndefined();
    await drafts.setCurrentDraftId('b');
    await drafts.setCurrentDraftId(undefined);
    expect(value(await drafts.getCurrentDraftId())).toBeUndefined();
  });

  it('rejects drafts with missing fields without touching storage', async () => {
    for (const bad of [
      { ...draft('a', 1), id: '' },
      { ...draft('a', 1), updatedAt: Number.NaN },
      { ...draft('a', 1), text: undefined },
      null,
    ]) {
      expect(await drafts.saveDraft(bad as unknown as Draft)).toMatchObject({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(value(await drafts.listDrafts())).toEqual([]);
    expect(await drafts.setCurrentDraftId('')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('rebuilds the list from the drafts when the index is damaged', async () => {
    await drafts.saveDraft(draft('a', 1));
    await drafts.saveDraft(draft('b', 2));
    await raw('readwrite', (os) => {
      os.put('garbage', 'index');
    });
    expect(value(await drafts.listDrafts()).map((d) => d.id)).toEqual(['b', 'a']);
    await drafts.saveDraft(draft('c', 3));
    expect(value(await drafts.listDrafts()).map((d) => d.id)).toEqual(['c', 'b', 'a']);
  });

  it('reports a damaged stored draft instead of returning it', async () => {
    await raw('readwrite', (os) => {
      os.put({ id: 'x', text: 42 }, 'draft:x');
    });
    expect(await drafts.loadDraft('x')).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('keeps drafts with awkward ids and large texts apart', async () => {
    const big = 'x'.repeat(2_000_000);
    await drafts.saveDraft(draft('index', 1, big));
    await drafts.saveDraft(draft('current', 2));
    await drafts.saveDraft(draft('draft:a/b', 3));
    expect(value(await drafts.loadDraft('index'))?.text).toHaveLength(2_000_000);
    expect(value(await drafts.listDrafts()).map((d) => d.id)).toEqual([
      'draft:a/b',
      'current',
      'index',
    ]);
    expect(value(await drafts.getCurrentDraftId())).toBeUndefined();
  });
});

describe('draftStore when storage fails', () => {
  const failing =
    (error: unknown): UseStore =>
    () =>
      Promise.reject(error);

  it('turns a full disk into quota-exceeded', async () => {
    const drafts = createDraftStore(
      failing(new DOMException('Quota exceeded', 'QuotaExceededError')),
    );
    const result = await drafts.saveDraft(draft('a', 1));
    expect(result).toMatchObject({ ok: false, reason: 'quota-exceeded' });
    expect(!result.ok && result.message).toMatch(/storage for this site is full/);
  });

  it('turns a blocked or missing IndexedDB into unavailable, for every operation', async () => {
    const errors: unknown[] = [
      new DOMException('A mutation operation was attempted', 'InvalidStateError'),
      new DOMException('denied', 'SecurityError'),
      new ReferenceError('indexedDB is not defined'),
    ];
    for (const error of errors) {
      const drafts = createDraftStore(failing(error));
      const results = await Promise.all([
        drafts.saveDraft(draft('a', 1)),
        drafts.loadDraft('a'),
        drafts.listDrafts(),
        drafts.deleteDraft('a'),
        drafts.renameDraft('a', 'b'),
        drafts.getCurrentDraftId(),
        drafts.setCurrentDraftId('a'),
      ]);
      for (const result of results) {
        expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
        expect(!result.ok && result.message).toMatch(/^Could not .*Download the item/);
      }
    }
  });

  it('turns a store that throws synchronously into a result too', async () => {
    const throwing: UseStore = () => {
      throw new TypeError('boom');
    };
    expect(await createDraftStore(throwing).listDrafts()).toEqual({
      ok: false,
      reason: 'failed',
      message: 'Could not list the drafts: boom',
    });
  });

  it('reports a transaction that aborts', async () => {
    // An object store whose put fails the way a full disk does in Chromium: the transaction aborts.
    const { raw } = freshStore();
    const aborting: UseStore = (mode, callback) =>
      raw(mode, (os) => {
        const put = os.put.bind(os);
        os.put = (value: unknown, key?: IDBValidKey) => {
          const request = put(value, key);
          os.transaction.abort();
          return request;
        };
        return callback(os);
      });
    const result = await createDraftStore(aborting).saveDraft(draft('a', 1));
    expect(result).toMatchObject({ ok: false });
  });
});

describe('the default draft functions', () => {
  it('use the stac-mlm-editor database', async () => {
    value(await saveDraft(draft('default', 5)));
    value(await setCurrentDraftId('default'));
    expect(value(await loadDraft('default'))?.id).toBe('default');
    expect(value(await listDrafts()).map((d) => d.id)).toContain('default');
    expect(value(await getCurrentDraftId())).toBe('default');
    value(await renameDraft('default', 'Renamed'));
    value(await deleteDraft('default'));
    expect(value(await getCurrentDraftId())).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain('stac-mlm-editor');
  });
});
