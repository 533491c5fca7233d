import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { Finding } from '../../../schemas/finding';
import { syncExtensions } from '../../../schemas/manageExtensions';
import { parseJsonText } from '../../../schemas/parseJsonText';
import { isRecord } from '../../../schemas/primitives';
import { validateItem } from '../../../schemas/validateItem';
import { createAutosaver } from '../../drafts/createAutosaver';
import {
  type DraftSummary,
  deleteDraft,
  getCurrentDraftId,
  listDrafts,
  loadDraft,
  renameDraft,
  saveDraft,
  setCurrentDraftId,
} from '../../drafts/draftStore';
import { createHistory } from '../../drafts/editHistory';
import { copyText } from '../../export/copyText';
import { downloadText } from '../../export/downloadItem';
import { itemFileName, serializeItem } from '../../export/serializeItem';
import type { FormValues } from '../../form/formValues';
import { fromFormValues, toFormValues } from '../../form/formValues';
import type { SchemaFormHandle } from '../../form/schemaFormApi';
import { blankItem, TEMPLATES } from '../../import/templates';
import { type UpgradeChange, upgradeItem } from '../../import/upgradeItem';
import { countFindings } from '../countFindings';
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

interface Snapshot {
  doc: unknown;
  text: string;
}

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
  text: string;
  findings: Finding[];
  syntax: SyntaxState | undefined;
  sourceName: string;
  notice: Notice | undefined;
  canUndo: boolean;
  canRedo: boolean;
}

const AUTOSAVE_DELAY_MS = 300;
/**
 * IndexedDB writes started while a page unloads may never finish, so the text not yet saved is
 * also put in localStorage, which writes synchronously; the next start picks up whichever is newer.
 */
const UNSAVED_KEY = 'stac-mlm-editor:unsaved';

interface UnsavedText {
  id: string;
  text: string;
  at: number;
}

function readUnsaved(): UnsavedText | undefined {
  try {
    const raw = localStorage.getItem(UNSAVED_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<UnsavedText>) : undefined;
    return parsed &&
      typeof parsed.id === 'string' &&
      typeof parsed.text === 'string' &&
      typeof parsed.at === 'number'
      ? (parsed as UnsavedText)
      : undefined;
  } catch {
    return undefined;
  }
}

function writeUnsaved(value: UnsavedText | undefined): void {
  try {
    if (value) {
      localStorage.setItem(UNSAVED_KEY, JSON.stringify(value));
    } else {
      localStorage.removeItem(UNSAVED_KEY);
    }
  } catch {
    // Storage full or blocked: the IndexedDB save is still under way.
  }
}

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

function checkDoc(doc: unknown): Finding[] {
  return sortFindings(validateItem(doc).findings);
}

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
    const text = serializeItem(doc);
    historyRef.current.reset({ doc, text });
    return {
      version: treeVersionOf(doc),
      formKey: 0,
      defaultValues: toFormValues(treeFor(treeVersionOf(doc)), doc),
      text,
      findings: checkDoc(doc),
      syntax: undefined,
      sourceName: 'New item',
      notice: undefined,
      canUndo: false,
      canRedo: false,
    };
  });
  const [ready, setReady] = useState(false);
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [saveError, setSaveError] = useState<string>();
  const latestTextRef = useRef<string | undefined>(undefined);

  const refreshDrafts = useCallback(async () => {
    const listed = await listDrafts();
    if (listed.ok) {
      setDrafts(listed.value);
    }
  }, []);

  const autosaver = useMemo(
    () =>
      createAutosaver(
        async (text) => {
          const { id, customName } = draftRef.current;
          const parsed = parseJsonText(text);
          const name = customName ?? draftNameOf(parsed.ok ? parsed.value : docRef.current);
          const saved = await saveDraft({ id, name, updatedAt: Date.now(), text });
          setSaveError(
            saved.ok ? undefined : `Your work could not be saved in this browser: ${saved.message}`,
          );
          if (saved.ok && readUnsaved()?.text === text) {
            writeUnsaved(undefined);
          }
          void refreshDrafts();
        },
        { delayMs: AUTOSAVE_DELAY_MS },
      ),
    [refreshDrafts],
  );

  /** Queues an autosave and remembers the text, for the synchronous backup on page hide. */
  const schedule = useCallback(
    (text: string) => {
      latestTextRef.current = text;
      autosaver.schedule(text);
    },
    [autosaver],
  );

  const historyFlags = () => ({
    canUndo: historyRef.current.canUndo,
    canRedo: historyRef.current.canRedo,
  });

  /** Shows a document in both views: rebuilds the form when asked, or resets it in place. */
  const show = useCallback(
    (doc: unknown, text: string, how: { rebuild: boolean; extra?: Partial<ViewState> }) => {
      docRef.current = doc;
      const version = treeVersionOf(doc);
      const findings = checkDoc(doc);
      setView((v) => {
        const rebuild = how.rebuild || version !== v.version;
        if (!rebuild) {
          formRef.current?.reset(toFormValues(treeFor(version), doc));
        }
        return {
          ...v,
          ...how.extra,
          version,
          formKey: rebuild ? v.formKey + 1 : v.formKey,
          defaultValues: rebuild ? toFormValues(treeFor(version), doc) : v.defaultValues,
          text,
          findings,
          syntax: undefined,
          ...historyFlags(),
        };
      });
    },
    [],
  );

  /** Opens a document as a new draft (an opened file, a template, a blank item). */
  const open = useCallback(
    (doc: unknown, sourceName: string, notice?: Notice) => {
      autosaver.cancel();
      draftRef.current = { id: newDraftId() };
      void setCurrentDraftId(draftRef.current.id);
      const text = serializeItem(doc);
      historyRef.current.reset({ doc, text });
      show(doc, text, { rebuild: true, extra: { sourceName, notice } });
      schedule(text);
    },
    [autosaver, schedule, show],
  );

  // Restore the draft of the last session (a reload, a crashed tab) or start a new one.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const current = await getCurrentDraftId();
      const unsaved = readUnsaved();
      const id = (current.ok ? current.value : undefined) ?? unsaved?.id;
      const draft = id ? await loadDraft(id) : undefined;
      if (cancelled) {
        return;
      }
      const saved = draft?.ok ? draft.value : undefined;
      if (unsaved && unsaved.id === id && (!saved || unsaved.at > saved.updatedAt)) {
        // The tab closed before the last edits reached IndexedDB: they were kept in localStorage.
        draftRef.current = { id: unsaved.id };
        restoreText(unsaved.text, saved?.name ?? 'Unsaved draft', unsaved.at);
        schedule(unsaved.text);
      } else if (saved) {
        draftRef.current = { id: saved.id };
        restoreText(saved.text, saved.name, saved.updatedAt);
      } else {
        void setCurrentDraftId(draftRef.current.id);
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
  const restoreText = (text: string, name: string, updatedAt: number) => {
    const when = new Date(updatedAt).toLocaleString();
    const parsed = parseJsonText(text);
    if (parsed.ok) {
      historyRef.current.reset({ doc: parsed.value, text });
      show(parsed.value, text, {
        rebuild: true,
        extra: {
          sourceName: name,
          notice: {
            severity: 'info',
            message: `Restored your draft “${name}”, last saved ${when}.`,
          },
        },
      });
    } else {
      setView((v) => ({
        ...v,
        text,
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
      const text = latestTextRef.current;
      if (autosaver.pending && text !== undefined) {
        writeUnsaved({ id: draftRef.current.id, text, at: Date.now() });
      }
      void autosaver.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [autosaver]);

  const onFormChange = useCallback(
    (values: FormValues) => {
      const tree = treeFor(view.version);
      const edited = fromFormValues(tree, values);
      const synced = syncExtensions(docRef.current, edited);
      if (synced.item !== edited && isRecord(synced.item)) {
        // Keep the form's list in step; the echo of this change finds nothing more to sync.
        formRef.current?.setValue('stac_extensions', synced.item.stac_extensions);
      }
      const doc = synced.item;
      docRef.current = doc;
      const text = serializeItem(doc);
      historyRef.current.push({ doc, text }, { source: 'form', mergeKey: 'form' });
      schedule(text);
      const findings = checkDoc(doc);
      // The verdict first; the JSON text (hundreds of kB for big items) may follow a frame later.
      setView((v) => ({ ...v, findings, syntax: undefined, ...historyFlags() }));
      startTransition(() => setView((v) => ({ ...v, text })));
    },
    [schedule, view.version],
  );

  const onJsonChange = useCallback(
    (text: string) => {
      schedule(text);
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        // The form keeps the last document that parsed; the JSON view shows where the text breaks.
        setView((v) => ({ ...v, text, syntax: parsed }));
        return;
      }
      historyRef.current.push({ doc: parsed.value, text }, { source: 'json', mergeKey: 'json' });
      show(parsed.value, text, { rebuild: false });
    },
    [schedule, show],
  );

  const travel = useCallback(
    (direction: 'undo' | 'redo') => {
      const snapshot = direction === 'undo' ? historyRef.current.undo() : historyRef.current.redo();
      if (snapshot) {
        show(snapshot.doc, snapshot.text, { rebuild: false });
        schedule(snapshot.text);
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
        schedule(read.text);
        setView((v) => ({
          ...v,
          text: read.text,
          syntax: parsed,
          sourceName: file.name,
          notice: {
            severity: 'error',
            message: `${file.name} is not valid JSON: ${parsed.finding.message} Fix it in the JSON view; the form follows once it parses.`,
          },
        }));
        return;
      }
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
      const template = TEMPLATES.find((t) => t.id === templateId);
      open(template ? template.build() : blankItem(), template ? template.title : 'Blank item');
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
      const draft = await loadDraft(id);
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
      void setCurrentDraftId(id);
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
      await renameDraft(id, name);
      await refreshDrafts();
    },
    [refreshDrafts],
  );

  const remove = useCallback(
    async (id: string) => {
      await deleteDraft(id);
      if (id === draftRef.current.id) {
        open(blankItem(), 'New item');
      }
      await refreshDrafts();
    },
    [open, refreshDrafts],
  );

  const setStacVersion = useCallback(
    (version: TreeVersion) => {
      const doc = docRef.current;
      if (!isRecord(doc) || doc.stac_version === version) {
        return;
      }
      const next = { ...doc, stac_version: version };
      const text = serializeItem(next);
      historyRef.current.push({ doc: next, text }, { source: 'other' });
      show(next, text, { rebuild: true });
      schedule(text);
    },
    [schedule, show],
  );

  const dismissNotice = useCallback(() => setView((v) => ({ ...v, notice: undefined })), []);

  const tree = treeFor(view.version);
  const findings = view.syntax ? [view.syntax.finding] : view.findings;
  const errors = useMemo(
    () =>
      view.findings.length === 0
        ? {}
        : fieldErrorsOf(tree, toFormValues(tree, docRef.current), view.findings),
    // docRef.current changes together with view.findings.
    [tree, view.findings],
  );

  return {
    formRef,
    ready,
    view,
    tree,
    findings,
    errors,
    counts: countFindings(findings),
    valid: !view.syntax && !view.findings.some((f) => f.severity === 'error'),
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
  };
}

export type ItemDocument = ReturnType<typeof useItemDocument>;
