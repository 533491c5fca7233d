import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

import type { Finding, FindingFix } from '../../../schemas/finding';
import { syncExtensions } from '../../../schemas/manageExtensions';
import { parseJsonText } from '../../../schemas/parseJsonText';
import { isRecord } from '../../../schemas/isRecord';
import { createValidationCache } from '../../../schemas/validationCache';
import { createAutosaver } from '../../drafts/createAutosaver';
import {
  browserJournalStorage,
  clearCrashJournal,
  planRestore,
  readCrashJournal,
  writeCrashJournal,
} from '../../drafts/crashJournal';
import { mayHaveDrafts, rememberDraftSaved } from '../../drafts/draftsHint';
import type { DraftStore, DraftSummary } from '../../drafts/draftStore';
import { createHistory } from '../../drafts/editHistory';
import { copyText } from '../../export/copyText';
import { applyFix } from '../../lint/applyFix';
import { downloadText } from '../../export/downloadItem';
import { itemFileName, serializeItem } from '../../export/serializeItem';
import type { FormValues } from '../../form/formValues';
import type { FormChange } from '../../form/SchemaForm';
import { pointerToFieldPath, toFormValues } from '../../form/formValues';
import { jsonEqual } from '../../form/jsonValue';
import type { SchemaFormHandle } from '../../form/schemaFormApi';
import { blankItem } from '../../import/blankItem';
import { TEMPLATE_MENU } from '../../import/templateMenu';
import { applyProposal } from '../../onnx/applyProposal';
import type { ProposedField } from '../../onnx/onnxModel';
import { valueAtPointer } from '../onnx/reviewRows';
import type { UpgradeChange } from '../../import/upgradeItem';
import { countFindings } from '../countFindings';
import { whenIdle } from '../../shared/whenIdle';
import { lazyModule } from '../lazyModule';
import { readItemFile } from '../readItemFile';
import { sortFindings } from '../sortFindings';
import { treeFor, type TreeVersion, treeVersionOf } from './editorTrees';
import { fieldErrorsOf } from './fieldErrors';

export interface Notice {
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
  /** Upgrade steps applied to an opened item, listed under the message. */
  changes?: readonly UpgradeChange[];
}

/** A state of the document; `text` is serialized from `doc` the first time it is needed. */
interface Snapshot {
  doc: unknown;
  text?: string;
}

/** The JSON text of a snapshot: the user's own text for JSON edits, else the serialized item. */
function textOf(snapshot: Snapshot): string {
  return (snapshot.text ??= serializeItem(snapshot.doc));
}

const sameFindings = (a: readonly Finding[] | undefined, b: readonly Finding[] | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.length === b.length &&
    a.every(
      (f, i) =>
        f.path === b[i]?.path &&
        f.code === b[i]?.code &&
        f.severity === b[i]?.severity &&
        f.message === b[i]?.message,
    ));

interface SyntaxState {
  finding: Finding;
  line: number;
  column: number;
  offset: number;
}

interface ViewState {
  version: TreeVersion;
  /** Changes when the form must be rebuilt from `defaultValues` (another document, version). */
  formKey: number;
  defaultValues: FormValues;
  /** What the JSON view shows (its text may not parse: see `syntax`). */
  shown: Snapshot;
  /** Undefined until the validator has loaded (it follows the first render). */
  findings: Finding[] | undefined;
  /** Counts validations, so each one is marked for the benchmarks even when findings stay. */
  checks: number;
  syntax: SyntaxState | undefined;
  sourceName: string;
  notice: Notice | undefined;
  canUndo: boolean;
  canRedo: boolean;
}

const AUTOSAVE_DELAY_MS = 300;
const newDraftId = () =>
  `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The name a draft is listed under: the model name, else the item id. */
export function draftNameOf(doc: unknown): string {
  if (isRecord(doc)) {
    const props = isRecord(doc.properties) ? doc.properties : {};
    const name = props['mlm:name'];
    if (typeof name === 'string' && name.trim() !== '') {
      return name.trim();
    }
    if (typeof doc.id === 'string' && doc.id.trim() !== '') {
      return doc.id.trim();
    }
  }
  return 'Untitled item';
}

const NO_ERRORS = {};
const NO_FINDINGS: Finding[] = [];

/** Where a footprint edit came from: edits from the map, or typed in the bbox fields, merge. */
export type FootprintSource = 'map' | 'fields' | 'other';
const MODEL_MARK = 'from ONNX';

/** Quiet time after a form edit before the JSON view's text is serialized again. */
const TEXT_DELAY_MS = 80;

/**
 * The JSON view's text for a snapshot. A form edit's text is serialized once typing pauses (and
 * in a transition): a 300 kB item takes milliseconds to serialize and to update in the view, and
 * doing that between two fast keystrokes would delay the second. Text already known (a JSON edit,
 * an opened file) shows at once. `settleNow` shows the latest text at once: called when the JSON
 * view takes focus, so an edit there never starts from text that misses a form edit just made.
 */
function useSettledText(shown: Snapshot): { text: string; settleNow: () => void } {
  const [settled, setSettled] = useState(() => ({ shown, text: textOf(shown) }));
  const latest = useRef(shown);
  latest.current = shown;
  useEffect(() => {
    if (shown.text !== undefined) {
      setSettled({ shown, text: shown.text });
      return;
    }
    const timer = setTimeout(
      () => startTransition(() => setSettled({ shown, text: textOf(shown) })),
      TEXT_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [shown]);
  const settleNow = useCallback(() => {
    const current = latest.current;
    setSettled((s) => (s.shown === current ? s : { shown: current, text: textOf(current) }));
  }, []);
  const text = settled.shown === shown || shown.text === undefined ? settled.text : shown.text;
  return { text, settleNow };
}

// The editor never changes a document in place (edits make a new one sharing the unchanged
// parts), so validation may remember results by object identity.
const VALIDATION_CACHE = createValidationCache();

// The validator and lint load after the first render: both need Zod and every schema, which would
// double the first load, and the form takes input without them. Until the validator is here the
// status says the item is being checked; lint only adds warnings once it arrives.
const validator = lazyModule(() => import('../../../schemas/validateItem'));
const lint = lazyModule(() => import('../../lint/lintItem'));
// IndexedDB is first needed after the first render (restoring or saving a draft).
const draftStore = lazyModule(() => import('../../drafts/draftStore'));

/** The draft store; when its code cannot be loaded, one whose every call fails with the reason. */
const draftDb = (): Promise<DraftStore> =>
  draftStore.load().catch((error: unknown): DraftStore => {
    const failed = () =>
      Promise.resolve({
        ok: false as const,
        reason: 'unavailable' as const,
        message: `the drafts code could not be loaded (${error instanceof Error ? error.message : String(error)}); reload the page`,
      });
    return {
      saveDraft: failed,
      loadDraft: failed,
      listDrafts: failed,
      deleteDraft: failed,
      renameDraft: failed,
      getCurrentDraftId: failed,
      setCurrentDraftId: failed,
    };
  });

/**
 * Schema findings and lint findings together (only schema errors make the item invalid), or
 * undefined while the validator is loading.
 */
function checkDoc(doc: unknown): Finding[] | undefined {
  const loaded = validator.get();
  if (!loaded) {
    return undefined;
  }
  return sortFindings([
    ...loaded.validateItem(doc, { cache: VALIDATION_CACHE }).findings,
    ...(lint.get()?.lintItem(doc) ?? []),
  ]);
}

const isSchemaError = (f: Finding) => f.severity === 'error' && f.source !== 'lint';

/**
 * The document being edited and everything around it: the form and the JSON view (kept in step),
 * live validation, one undo history for both, autosave to a named draft, import, templates and
 * export. The form's own state stays in react-hook-form; this keeps the decoded document the views
 * are derived from.
 */
export function useItemDocument() {
  const formRef = useRef<SchemaFormHandle>(null);
  const docRef = useRef<unknown>(undefined);
  const historyRef = useRef(createHistory<Snapshot>({ doc: undefined, text: '' }));
  const draftRef = useRef<{ id: string; customName?: string }>({ id: newDraftId() });
  const [view, setView] = useState<ViewState>(() => {
    const doc = blankItem();
    docRef.current = doc;
    const shown = { doc };
    historyRef.current.reset(shown);
    return {
      version: treeVersionOf(doc),
      formKey: 0,
      defaultValues: toFormValues(treeFor(treeVersionOf(doc)), doc),
      shown,
      findings: checkDoc(doc),
      checks: 0,
      syntax: undefined,
      sourceName: 'New item',
      notice: undefined,
      canUndo: false,
      canRedo: false,
    };
  });
  // A first visit shows the blank form at once; a browser that may hold a draft waits to restore it.
  const [ready, setReady] = useState(() => !mayHaveDrafts(browserJournalStorage()));
  const startedAtOnce = useRef(ready);
  // The document shown before any restore: anything else means the user has started working.
  const firstDoc = useRef(docRef.current);
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [saveError, setSaveError] = useState<string>();
  // The validator's code could not be loaded: the item stays unchecked instead of "Checking…".
  const [validatorFailed, setValidatorFailed] = useState(false);
  // Values written from an ONNX model, marked on their fields until they change.
  const [marks, setMarks] = useState<{ pointer: string; value: unknown }[]>([]);
  // Set while the form is told about managed stac_extensions: its echo is not a user edit.
  const echoingRef = useRef(false);

  const refreshDrafts = useCallback(async () => {
    const listed = await (await draftDb()).listDrafts();
    if (listed.ok) {
      setDrafts(listed.value);
    }
  }, []);

  const autosaver = useMemo(
    () =>
      createAutosaver(
        async (text) => {
          const { id, customName } = draftRef.current;
          // docRef holds the last document that parsed, the one the text stands for.
          const name = customName ?? draftNameOf(docRef.current);
          const updatedAt = Date.now();
          const saved = await (await draftDb()).saveDraft({ id, name, updatedAt, text });
          setSaveError(
            saved.ok ? undefined : `Your work could not be saved in this browser: ${saved.message}`,
          );
          void refreshDrafts();
          if (!saved.ok) {
            // The text stays "unsaved": a page closed now copies it to the crash journal.
            throw new Error(saved.message);
          }
          rememberDraftSaved(browserJournalStorage());
          clearCrashJournal(browserJournalStorage(), { id, text, savedAt: updatedAt });
        },
        // The failure is on screen already (saveError); nothing more to report.
        { delayMs: AUTOSAVE_DELAY_MS, onError: () => undefined },
      ),
    [refreshDrafts],
  );

  /** Queues an autosave; the text is serialized only when the save starts. */
  const schedule = useCallback(
    (snapshot: Snapshot) => {
      autosaver.schedule(() => textOf(snapshot));
    },
    [autosaver],
  );

  const historyFlags = () => ({
    canUndo: historyRef.current.canUndo,
    canRedo: historyRef.current.canRedo,
  });

  /** Shows a document in both views: rebuilds the form when asked, or resets it in place. */
  const show = useCallback(
    (shown: Snapshot, how: { rebuild: boolean; extra?: Partial<ViewState> }) => {
      const { doc } = shown;
      docRef.current = doc;
      const version = treeVersionOf(doc);
      const findings = checkDoc(doc);
      setView((v) => {
        const rebuild = how.rebuild || version !== v.version;
        if (!rebuild) {
          formRef.current?.reset(toFormValues(treeFor(version), doc), doc);
        }
        return {
          ...v,
          ...how.extra,
          version,
          formKey: rebuild ? v.formKey + 1 : v.formKey,
          defaultValues: rebuild ? toFormValues(treeFor(version), doc) : v.defaultValues,
          shown,
          findings,
          checks: v.checks + 1,
          syntax: undefined,
          ...historyFlags(),
        };
      });
    },
    [],
  );

  // The validator and lint arrive after the first render; check the item again with each.
  useEffect(() => {
    let live = true;
    const recheck = () => {
      if (!live) {
        return;
      }
      const findings = checkDoc(docRef.current);
      setView((v) => ({
        ...v,
        findings: sameFindings(v.findings, findings) ? v.findings : findings,
        checks: v.checks + 1,
      }));
    };
    const failed =
      (message: (reason: string) => string, alsoThen?: () => void) => (error: unknown) => {
        if (!live) {
          return;
        }
        alsoThen?.();
        const reason = error instanceof Error ? error.message : String(error);
        setView((v) => ({ ...v, notice: { severity: 'error', message: message(reason) } }));
      };
    // When the browser is first idle: the form's first screen takes input before Zod is evaluated.
    const cancel = whenIdle(() => {
      void validator.load().then(
        recheck,
        failed(
          (reason) =>
            `The validator could not be loaded (${reason}), so the item is not checked. Your work is safe: reload the page to check it.`,
          () => setValidatorFailed(true),
        ),
      );
      void lint.load().then(
        recheck,
        failed(
          (reason) =>
            `The lint rules could not be loaded (${reason}): the item is checked against the schemas only. Reload the page to get them.`,
        ),
      );
    }, 1000);
    return () => {
      live = false;
      cancel();
    };
  }, []);

  /** Whether the current item is valid, once the validator is here (for a download asked early). */
  const checkedValid = useCallback(async (): Promise<boolean> => {
    await validator.load();
    return !(checkDoc(docRef.current) ?? []).some(isSchemaError);
  }, []);

  /** Opens a document as a new draft (an opened file, a template, a blank item). */
  const open = useCallback(
    (doc: unknown, sourceName: string, notice?: Notice) => {
      autosaver.cancel();
      draftRef.current = { id: newDraftId() };
      void draftDb().then((store) => store.setCurrentDraftId(draftRef.current.id));
      const shown = { doc };
      historyRef.current.reset(shown);
      setMarks([]);
      show(shown, { rebuild: true, extra: { sourceName, notice } });
      schedule(shown);
    },
    [autosaver, schedule, show],
  );

  // Restore the draft of the last session (a reload, a crashed tab) or start a new one.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const store = await draftDb();
      const current = await store.getCurrentDraftId();
      const unsaved = readCrashJournal(browserJournalStorage());
      const id = (current.ok ? current.value : undefined) ?? unsaved?.id;
      const draft = id ? await store.loadDraft(id) : undefined;
      if (cancelled) {
        return;
      }
      const saved = draft?.ok ? draft.value : undefined;
      const plan = planRestore(id, saved, unsaved);
      if (id !== undefined && id === draftRef.current.id) {
        // This session's own draft, saved while the check ran: nothing to restore.
      } else if (startedAtOnce.current && docRef.current !== firstDoc.current) {
        // The form showed at once (storage held no hint of a draft) and the user has started
        // working: that work stays; a draft found waits in the drafts list (a journal, only ever
        // written by another tab meanwhile, is saved there first).
        if (plan.journal?.text !== undefined) {
          await store.saveDraft({
            id: plan.journal.id,
            name: saved?.name ?? 'Unsaved draft',
            updatedAt: plan.journal.at,
            text: plan.journal.text,
          });
        }
        if (plan.journal || saved) {
          setView((v) => ({
            ...v,
            notice: {
              severity: 'info',
              message: `A draft from an earlier session was found (${saved?.name ?? 'Unsaved draft'}). It is in Drafts.`,
            },
          }));
        }
        void store.setCurrentDraftId(draftRef.current.id);
      } else if (plan.journal) {
        // The tab closed before the last edits reached IndexedDB: they were kept in localStorage.
        draftRef.current = { id: plan.journal.id };
        restoreText(plan.journal.text, saved?.name ?? 'Unsaved draft', plan.journal.at);
        schedule({ doc: docRef.current, text: plan.journal.text });
      } else if (saved) {
        draftRef.current = { id: saved.id };
        restoreText(saved.text, saved.name, saved.updatedAt, plan.newerEditsLost);
      } else {
        void store.setCurrentDraftId(draftRef.current.id);
      }
      setReady(true);
      void refreshDrafts();
    })();
    return () => {
      cancelled = true;
    };
    // Runs once: restoring is what the app does when it starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Puts saved text back; text that no longer parses still goes to the JSON view, never lost. */
  const restoreText = (text: string, name: string, updatedAt: number, newerLost = false) => {
    setMarks([]);
    const when = new Date(updatedAt).toLocaleString();
    const parsed = parseJsonText(text);
    if (parsed.ok) {
      const shown = { doc: parsed.value, text };
      historyRef.current.reset(shown);
      show(shown, {
        rebuild: true,
        extra: {
          sourceName: name,
          notice: {
            severity: newerLost ? 'warning' : 'info',
            message: `Restored your draft “${name}”, last saved ${when}.${newerLost ? ' Edits made just before the page closed may be missing: the item was too large for the emergency copy.' : ''}`,
          },
        },
      });
    } else {
      setView((v) => ({
        ...v,
        shown: { doc: docRef.current, text },
        syntax: parsed,
        sourceName: name,
        notice: {
          severity: 'warning',
          message: `Restored your draft “${name}” (saved ${when}). Its JSON has an error at line ${parsed.line}: fix it in the JSON view and the form follows.`,
        },
      }));
    }
  };

  // Save at once when the page is hidden or closed, so a reload right after typing loses nothing.
  useEffect(() => {
    const flush = () => {
      const text = autosaver.flushNow();
      if (text !== undefined) {
        writeCrashJournal(browserJournalStorage(), {
          id: draftRef.current.id,
          text,
          at: Date.now(),
        });
      }
    };
    // Leaving the focused field commits what it holds but has not committed yet (a chip typed
    // without Enter); only on pagehide, as a hidden tab comes back with its focus.
    const onPageHide = () => {
      (document.activeElement as HTMLElement | null)?.blur?.();
      flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [autosaver]);

  const onFormChange = useCallback(
    ({ doc: edited, path }: FormChange) => {
      if (echoingRef.current) {
        return;
      }
      const synced = syncExtensions(docRef.current, edited);
      const doc = synced.item;
      docRef.current = doc;
      if (synced.item !== edited && isRecord(doc)) {
        // Keep the form's list in step; its echo is part of this edit.
        echoingRef.current = true;
        try {
          formRef.current?.setValue('stac_extensions', doc.stac_extensions);
        } finally {
          echoingRef.current = false;
        }
      }
      const snapshot: Snapshot = { doc };
      // Keystrokes in one field merge into one undo step.
      historyRef.current.push(snapshot, { source: 'form', mergeKey: path });
      schedule(snapshot);
      const findings = checkDoc(doc);
      setView((v) => ({
        ...v,
        shown: snapshot,
        findings: sameFindings(v.findings, findings) ? v.findings : findings,
        checks: v.checks + 1,
        syntax: undefined,
        ...historyFlags(),
      }));
    },
    [schedule],
  );

  const onJsonChange = useCallback(
    (text: string) => {
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        // The form keeps the last document that parsed; the JSON view shows where the text breaks.
        const shown = { doc: docRef.current, text };
        schedule(shown);
        setView((v) => ({ ...v, shown, syntax: parsed }));
        return;
      }
      const shown = { doc: parsed.value, text };
      schedule(shown);
      historyRef.current.push(shown, { source: 'json', mergeKey: 'json' });
      show(shown, { rebuild: false });
    },
    [schedule, show],
  );

  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const snapshot = direction === 'undo' ? historyRef.current.undo() : historyRef.current.redo();
      if (snapshot) {
        show(snapshot, { rebuild: false });
        schedule(snapshot);
      }
    },
    [schedule, show],
  );
  const undo = useCallback(() => travel('undo'), [travel]);
  const redo = useCallback(() => travel('redo'), [travel]);

  const openFiles = useCallback(
    async (files: readonly File[]) => {
      const [file] = files;
      if (!file) {
        return;
      }
      const read = await readItemFile(file);
      if (!read.ok) {
        setView((v) => ({ ...v, notice: { severity: 'error', message: read.message } }));
        return;
      }
      const parsed = parseJsonText(read.text.replace(/^\uFEFF/, ''));
      if (!parsed.ok) {
        // Keep the current form; the broken text goes to the JSON view to be fixed there.
        const shown = { doc: docRef.current, text: read.text };
        schedule(shown);
        setView((v) => ({
          ...v,
          shown,
          syntax: parsed,
          sourceName: file.name,
          notice: {
            severity: 'error',
            message: `${file.name} is not valid JSON: ${parsed.finding.message} Fix it in the JSON view; the form follows once it parses.`,
          },
        }));
        return;
      }
      const { upgradeItem } = await import('../../import/upgradeItem');
      const upgraded = upgradeItem(parsed.value);
      const changes = upgraded.changes;
      open(
        upgraded.item,
        file.name,
        changes.length > 0
          ? {
              severity: 'info',
              message: `${file.name} was written for an older MLM version; the editor upgraded it to v1.5.2 with ${changes.length} change${changes.length === 1 ? '' : 's'}:`,
              changes,
            }
          : files.length > 1
            ? { severity: 'info', message: `Opened ${file.name} only: open one item at a time.` }
            : undefined,
      );
    },
    [schedule, open],
  );

  const startFrom = useCallback(
    (templateId: string) => {
      if (!TEMPLATE_MENU.some((t) => t.id === templateId)) {
        open(blankItem(), 'Blank item');
        return;
      }
      // The templates load when one is chosen; the blank item is always here.
      void import('../../import/templates').then(({ TEMPLATES }) => {
        const template = TEMPLATES.find((t) => t.id === templateId);
        open(template ? template.build() : blankItem(), template ? template.title : 'Blank item');
      });
    },
    [open],
  );

  const download = useCallback(() => {
    const doc = docRef.current;
    downloadText(serializeItem(doc), itemFileName(doc));
  }, []);

  const copy = useCallback(async () => {
    try {
      await copyText(serializeItem(docRef.current));
      setView((v) => ({
        ...v,
        notice: { severity: 'success', message: 'The item JSON is on the clipboard.' },
      }));
    } catch (error) {
      setView((v) => ({ ...v, notice: { severity: 'error', message: (error as Error).message } }));
    }
  }, []);

  const openDraft = useCallback(
    async (id: string) => {
      await autosaver.flush();
      const store = await draftDb();
      const draft = await store.loadDraft(id);
      if (!draft.ok || !draft.value) {
        setView((v) => ({
          ...v,
          notice: {
            severity: 'error',
            message: draft.ok ? 'That draft no longer exists.' : draft.message,
          },
        }));
        return;
      }
      draftRef.current = { id };
      void store.setCurrentDraftId(id);
      restoreText(draft.value.text, draft.value.name, draft.value.updatedAt);
    },
    // restoreText only uses refs and stable callbacks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [autosaver],
  );

  const rename = useCallback(
    async (id: string, name: string) => {
      if (id === draftRef.current.id) {
        draftRef.current = { ...draftRef.current, customName: name };
      }
      await (await draftDb()).renameDraft(id, name);
      await refreshDrafts();
    },
    [refreshDrafts],
  );

  const remove = useCallback(
    async (id: string) => {
      await (await draftDb()).deleteDraft(id);
      if (id === draftRef.current.id) {
        open(blankItem(), 'New item');
      }
      await refreshDrafts();
    },
    [open, refreshDrafts],
  );

  /**
   * A whole-document edit from outside the form and the JSON view (a version switch, the map, a
   * quick fix, an ONNX model): one undo step, shown in both views, saved.
   */
  const commit = useCallback(
    (doc: unknown, how: { rebuild?: boolean; mergeKey?: string; notice?: Notice } = {}) => {
      const shown = { doc };
      historyRef.current.push(shown, { source: 'other', mergeKey: how.mergeKey });
      show(shown, {
        rebuild: how.rebuild ?? false,
        extra: how.notice ? { notice: how.notice } : undefined,
      });
      schedule(shown);
    },
    [schedule, show],
  );

  const setStacVersion = useCallback(
    (version: TreeVersion) => {
      const doc = docRef.current;
      if (!isRecord(doc) || doc.stac_version === version) {
        return;
      }
      commit({ ...doc, stac_version: version }, { rebuild: true });
    },
    [commit],
  );

  const dismissNotice = useCallback(() => setView((v) => ({ ...v, notice: undefined })), []);

  /**
   * Sets the footprint (geometry and its bbox) from the map, the bbox fields, a paste or a file, as
   * one undoable edit. Map edits (or bbox-field keystrokes) in a row merge into one undo step.
   */
  const setFootprint = useCallback(
    (geometry: unknown, bbox: readonly number[] | undefined, source: FootprintSource) => {
      const current = docRef.current;
      if (!isRecord(current)) {
        return;
      }
      const next: Record<string, unknown> = { ...current, geometry };
      if (bbox) {
        next.bbox = [...bbox];
      } else {
        delete next.bbox;
      }
      if (jsonEqual(next, current)) {
        return;
      }
      commit(next, { mergeKey: source === 'other' ? undefined : `footprint-${source}` });
    },
    [commit],
  );

  /** Applies a lint finding's quick fix as one undoable edit. */
  const applyQuickFix = useCallback(
    (fix: FindingFix) => {
      const fixed = applyFix(docRef.current, fix);
      commit(syncExtensions(docRef.current, fixed).item, {
        notice: { severity: 'success', message: `Fixed: ${fix.label}.` },
      });
    },
    [commit],
  );

  /** Writes fields an ONNX model proposed (reviewed by the user) as one undoable edit. */
  const applyModelFields = useCallback(
    (fields: readonly ProposedField[], fileName: string) => {
      const written = applyProposal(docRef.current, fields);
      const doc = syncExtensions(docRef.current, written).item;
      commit(doc, {
        notice: {
          severity: 'success',
          message: `Filled ${fields.length} field${fields.length === 1 ? '' : 's'} from ${fileName}. Each shows “from ONNX” until you change it.`,
        },
      });
      setMarks((previous) => [
        ...previous.filter((m) => !fields.some((f) => f.pointer === m.pointer)),
        ...fields.map((f) => ({ pointer: f.pointer, value: valueAtPointer(doc, f.pointer) })),
      ]);
    },
    [commit],
  );

  const tree = treeFor(view.version);
  const findings = useMemo(
    () => (view.syntax ? [view.syntax.finding] : (view.findings ?? NO_FINDINGS)),
    [view.syntax, view.findings],
  );
  // The form whose values the findings are mapped onto: a rebuilt form (another item opened)
  // mounts after this render with `defaultValues`, while formRef still holds the old one.
  const formKeyShown = useRef(view.formKey);
  useLayoutEffect(() => {
    formKeyShown.current = view.formKey;
  }, [view.formKey]);
  const currentValues = (): FormValues =>
    (formKeyShown.current === view.formKey ? formRef.current?.readValues() : undefined) ??
    view.defaultValues;
  const errors = useMemo(
    () =>
      !view.findings?.length ? NO_ERRORS : fieldErrorsOf(tree, currentValues(), view.findings),
    // Recomputed after every check: an edit elsewhere can move the field a finding points at
    // (a record entry removed before it), even when the findings stay the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tree, view.findings, view.checks],
  );
  const { text, settleNow: settleText } = useSettledText(view.shown);
  const fieldMarks = useMemo(() => {
    const values = currentValues();
    const byPath: Record<string, string[]> = {};
    for (const mark of marks) {
      // Shown while the value is still the one the model gave (an edit or an undo removes it).
      if (!jsonEqual(valueAtPointer(docRef.current, mark.pointer), mark.value)) {
        continue;
      }
      const path = pointerToFieldPath(tree, values, mark.pointer);
      if (path) {
        byPath[path] = [MODEL_MARK];
      }
    }
    return byPath;
    // docRef.current changes with view.checks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [marks, tree, view.checks]);
  const counts = useMemo(() => countFindings(findings), [findings]);
  // No validation has run (JSON that does not parse has its own verdict).
  const noVerdict = !view.syntax && view.findings === undefined;

  return {
    formRef,
    ready,
    view,
    tree,
    findings,
    errors,
    marks: fieldMarks,
    modelValues: marks,
    text,
    settleText,
    counts,
    /** The validator is still loading: neither valid nor invalid yet. */
    checking: noVerdict && !validatorFailed,
    /** The validator could not be loaded: the item is not checked. */
    unchecked: noVerdict && validatorFailed,
    valid: !view.syntax && view.findings !== undefined && !view.findings.some(isSchemaError),
    checkedValid,
    drafts,
    currentDraftId: draftRef.current.id,
    saveError,
    docRef,
    onFormChange,
    onJsonChange,
    undo,
    redo,
    openFiles,
    startFrom,
    download,
    copy,
    openDraft,
    renameDraft: rename,
    deleteDraft: remove,
    setStacVersion,
    dismissNotice,
    applyModelFields,
    setFootprint,
    applyQuickFix,
  };
}

export type ItemDocument = ReturnType<typeof useItemDocument>;
