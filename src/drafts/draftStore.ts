import { createStore, type UseStore } from 'idb-keyval';

// Drafts live in IndexedDB so work survives a reload. Storage can be missing (private browsing in
// some browsers, blocked site data) or full, so every call resolves to a result instead of
// throwing: the editor keeps working and can tell the person to download their item instead.
//
// Layout of the object store: `draft:<id>` holds a Draft, `index` a DraftSummary[] (so the list
// never reads every text), `current` the id of the draft to reopen on reload. Each operation is one
// transaction, so a draft and its index entry are always written together.

/** A saved editing session. */
export interface Draft {
  id: string;
  name: string;
  /** Milliseconds since the epoch (Date.now()) of the last save. */
  updatedAt: number;
  /** The item JSON text exactly as the person last had it, even if it does not parse. */
  text: string;
}

/** What the draft list shows: a draft without its text. */
export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: number;
  /** Length of the text in characters. */
  size: number;
}

/**
 * Why an operation failed: storage is `unavailable` (private browsing, blocked, not supported),
 * `quota-exceeded`, the draft was `not-found`, the arguments were `invalid`, or it `failed` otherwise.
 */
export type DraftFailure = 'unavailable' | 'quota-exceeded' | 'not-found' | 'invalid' | 'failed';

export type DraftResult<T> =
  { ok: true; value: T } | { ok: false; reason: DraftFailure; message: string };

export interface DraftStore {
  /** Creates or replaces the draft with this id. */
  saveDraft(draft: Draft): Promise<DraftResult<DraftSummary>>;
  /** The draft, or `undefined` when there is none with this id. */
  loadDraft(id: string): Promise<DraftResult<Draft | undefined>>;
  /** Every draft without its text, newest first. */
  listDrafts(): Promise<DraftResult<DraftSummary[]>>;
  /** Removes the draft (and forgets it as the current one); succeeds when it did not exist. */
  deleteDraft(id: string): Promise<DraftResult<undefined>>;
  /** Gives the draft a new name; its text and updatedAt stay as they are. */
  renameDraft(id: string, name: string): Promise<DraftResult<DraftSummary>>;
  /** The draft to reopen on reload, if one was set. */
  getCurrentDraftId(): Promise<DraftResult<string | undefined>>;
  /** Sets (or with `undefined` clears) the draft to reopen on reload. */
  setCurrentDraftId(id: string | undefined): Promise<DraftResult<undefined>>;
}

export const DRAFTS_DB_NAME = 'stac-mlm-editor';
export const DRAFTS_STORE_NAME = 'drafts';

const INDEX_KEY = 'index';
const CURRENT_KEY = 'current';
const DRAFT_PREFIX = 'draft:';
const draftKey = (id: string) => `${DRAFT_PREFIX}${id}`;

// ── Validation ─────────────────────────────────────────────────────────────────────────────────

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDraft(value: unknown): value is Draft {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    value.id.length > 0 &&
    typeof value.name === 'string' &&
    typeof value.updatedAt === 'number' &&
    Number.isFinite(value.updatedAt) &&
    typeof value.text === 'string'
  );
}

function isSummary(value: unknown): value is DraftSummary {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.updatedAt === 'number' &&
    typeof value.size === 'number'
  );
}

const summarize = (d: Draft): DraftSummary => ({
  id: d.id,
  name: d.name,
  updatedAt: d.updatedAt,
  size: d.text.length,
});

const newestFirst = (a: DraftSummary, b: DraftSummary) =>
  b.updatedAt - a.updatedAt || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

// ── Results ────────────────────────────────────────────────────────────────────────────────────

const ok = <T>(value: T): DraftResult<T> => ({ ok: true, value });
const fail = <T>(reason: DraftFailure, message: string): DraftResult<T> => ({
  ok: false,
  reason,
  message,
});

/** Storage errors that mean "IndexedDB cannot be used here at all". */
const UNAVAILABLE = new Set([
  'InvalidStateError',
  'SecurityError',
  'NotFoundError',
  'UnknownError',
  'VersionError',
  'InvalidAccessError',
  'ReferenceError',
]);

function toFailure<T>(error: unknown, doing: string): DraftResult<T> {
  const name = isObject(error) || error instanceof Error ? String(error.name) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return fail(
      'quota-exceeded',
      `Could not ${doing}: the browser's storage for this site is full. Delete old drafts, or download the item to keep it.`,
    );
  }
  if (UNAVAILABLE.has(name) || typeof indexedDB === 'undefined') {
    return fail(
      'unavailable',
      `Could not ${doing}: this browser does not let the editor store drafts (private browsing or blocked site data can do this). Download the item to keep your work. (${detail})`,
    );
  }
  return fail('failed', `Could not ${doing}: ${detail}`);
}

// ── Transactions ───────────────────────────────────────────────────────────────────────────────

interface Tx {
  /** Reads a key, then continues inside the same transaction. */
  get(key: string, then: (value: unknown) => void): void;
  /** Reads every key and value (in key order), then continues inside the same transaction. */
  getAll(then: (entries: [IDBValidKey, unknown][]) => void): void;
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

/**
 * Runs `body` in one transaction and resolves when it has committed. Reads continue through
 * callbacks rather than promises so no step can run after the transaction has closed.
 */
function transact(store: UseStore, mode: IDBTransactionMode, body: (tx: Tx) => void) {
  return store(
    mode,
    (os) =>
      new Promise<void>((resolve, reject) => {
        const transaction = os.transaction;
        let failure: unknown;
        const guard = (step: () => void) => {
          try {
            step();
          } catch (error) {
            failure ??= error;
            try {
              transaction.abort();
            } catch {
              // Already finished: the abort or error handler reports the failure.
            }
          }
        };
        transaction.oncomplete = () => resolve();
        transaction.onabort = () =>
          reject(
            failure ??
              transaction.error ??
              new DOMException('The storage transaction was aborted.', 'AbortError'),
          );
        const tx: Tx = {
          get(key, then) {
            const request = os.get(key);
            request.onsuccess = () => guard(() => then(request.result));
          },
          getAll(then) {
            const keys = os.getAllKeys();
            keys.onsuccess = () => {
              const values = os.getAll();
              values.onsuccess = () =>
                guard(() =>
                  then(
                    keys.result.map((key, i): [IDBValidKey, unknown] => [key, values.result[i]]),
                  ),
                );
            };
          },
          put(key, value) {
            os.put(value, key);
          },
          delete(key) {
            os.delete(key);
          },
        };
        guard(() => body(tx));
      }),
  );
}

/**
 * The summaries from the index; rebuilt from the drafts themselves if the index is missing or
 * damaged, so a draft is never hidden from the list.
 */
function readIndex(tx: Tx, then: (index: DraftSummary[]) => void): void {
  tx.get(INDEX_KEY, (value) => {
    if (Array.isArray(value) && value.every(isSummary)) {
      then(value);
      return;
    }
    tx.getAll((entries) =>
      then(
        entries.flatMap(([key, draft]) =>
          typeof key === 'string' && key.startsWith(DRAFT_PREFIX) && isDraft(draft)
            ? [summarize(draft)]
            : [],
        ),
      ),
    );
  });
}

// ── The store ──────────────────────────────────────────────────────────────────────────────────

/**
 * Draft persistence on an idb-keyval store (by default the `drafts` store of the
 * `stac-mlm-editor` database; tests and other callers may pass their own).
 */
export function createDraftStore(
  store: UseStore = createStore(DRAFTS_DB_NAME, DRAFTS_STORE_NAME),
): DraftStore {
  async function attempt<T>(doing: string, run: () => Promise<DraftResult<T>>) {
    try {
      return await run();
    } catch (error) {
      return toFailure<T>(error, doing);
    }
  }

  return {
    saveDraft(draft) {
      return attempt('save the draft', async () => {
        if (!isDraft(draft)) {
          return fail(
            'invalid',
            'Could not save the draft: it needs a non-empty id, a name, a time (updatedAt) and its text.',
          );
        }
        const record: Draft = {
          id: draft.id,
          name: draft.name,
          updatedAt: draft.updatedAt,
          text: draft.text,
        };
        const summary = summarize(record);
        await transact(store, 'readwrite', (tx) =>
          readIndex(tx, (index) => {
            tx.put(draftKey(record.id), record);
            tx.put(INDEX_KEY, [...index.filter((s) => s.id !== record.id), summary]);
          }),
        );
        return ok(summary);
      });
    },

    loadDraft(id) {
      return attempt('open the draft', async () => {
        let found: unknown;
        await transact(store, 'readonly', (tx) =>
          tx.get(draftKey(id), (value) => {
            found = value;
          }),
        );
        if (found === undefined) {
          return ok(undefined);
        }
        return isDraft(found)
          ? ok(found)
          : fail('failed', `Could not open the draft: the stored copy of "${id}" is damaged.`);
      });
    },

    listDrafts() {
      return attempt('list the drafts', async () => {
        let list: DraftSummary[] = [];
        await transact(store, 'readonly', (tx) =>
          readIndex(tx, (index) => {
            list = index;
          }),
        );
        return ok([...list].sort(newestFirst));
      });
    },

    deleteDraft(id) {
      return attempt('delete the draft', async () => {
        await transact(store, 'readwrite', (tx) =>
          readIndex(tx, (index) => {
            tx.delete(draftKey(id));
            tx.put(
              INDEX_KEY,
              index.filter((s) => s.id !== id),
            );
            tx.get(CURRENT_KEY, (current) => {
              if (current === id) {
                tx.delete(CURRENT_KEY);
              }
            });
          }),
        );
        return ok(undefined);
      });
    },

    renameDraft(id, name) {
      return attempt('rename the draft', async () => {
        if (typeof name !== 'string' || name.trim() === '') {
          return fail('invalid', 'Could not rename the draft: give it a name.');
        }
        let renamed: DraftSummary | undefined;
        await transact(store, 'readwrite', (tx) =>
          tx.get(draftKey(id), (value) => {
            if (!isDraft(value)) {
              return;
            }
            const draft: Draft = { ...value, name };
            const summary = summarize(draft);
            renamed = summary;
            tx.put(draftKey(id), draft);
            readIndex(tx, (index) =>
              tx.put(INDEX_KEY, [...index.filter((s) => s.id !== id), summary]),
            );
          }),
        );
        return renamed
          ? ok(renamed)
          : fail('not-found', `Could not rename the draft: there is no draft "${id}".`);
      });
    },

    getCurrentDraftId() {
      return attempt('find the last draft', async () => {
        let current: unknown;
        await transact(store, 'readonly', (tx) =>
          tx.get(CURRENT_KEY, (value) => {
            current = value;
          }),
        );
        return ok(typeof current === 'string' && current.length > 0 ? current : undefined);
      });
    },

    setCurrentDraftId(id) {
      return attempt('remember the current draft', async () => {
        if (id !== undefined && (typeof id !== 'string' || id === '')) {
          return fail('invalid', 'Could not remember the current draft: its id is empty.');
        }
        await transact(store, 'readwrite', (tx) =>
          id === undefined ? tx.delete(CURRENT_KEY) : tx.put(CURRENT_KEY, id),
        );
        return ok(undefined);
      });
    },
  };
}

// The app's store. createStore opens the database lazily, so importing this module never touches
// IndexedDB; a browser without it gets `unavailable` results on the first call.
const drafts = createDraftStore();

export const saveDraft = (draft: Draft) => drafts.saveDraft(draft);
export const loadDraft = (id: string) => drafts.loadDraft(id);
export const listDrafts = () => drafts.listDrafts();
export const deleteDraft = (id: string) => drafts.deleteDraft(id);
export const renameDraft = (id: string, name: string) => drafts.renameDraft(id, name);
export const getCurrentDraftId = () => drafts.getCurrentDraftId();
export const setCurrentDraftId = (id: string | undefined) => drafts.setCurrentDraftId(id);
