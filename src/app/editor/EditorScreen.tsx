import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import {
  lazy,
  memo,
  type KeyboardEvent,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';

import type { Finding } from '../../../schemas/finding';
import { locatePointer, type TextRange } from '../../../schemas/locatePointer';
import { LazySelectBox } from '../../form/fields/LazySelectBox';
import { pointerToFieldPath } from '../../form/formValues';
import { SchemaForm } from '../../form/SchemaForm';
import { DropOverlay } from '../DropOverlay';
import type { ProposedField } from '../../onnx/onnxModel';
import { isModelDrop } from '../onnx/isModelFile';
import { useOnnxImport } from '../onnx/useOnnxImport';
import { bandNamesOf } from '../widgets/bandNames';
import type { TrainingExtent } from '../footprint/trainingExtent';
import { splitColor, type TrainingLink, trainingLinksOf } from '../footprint/trainingLinks';
import { isFootprintFile } from '../footprint/isFootprintFile';
import { useFootprintEditing } from '../footprint/useFootprintEditing';
import { parseJsonText } from '../../../schemas/parseJsonText';
import { isRecord } from '../../../schemas/isRecord';
import { formatPointer } from '../formatPointer';
import { IssuesPanel } from '../IssuesPanel';
import { readItemFile } from '../readItemFile';
import { useFileDrop } from '../useFileDrop';
import { useAfterFirstIdle } from '../useAfterFirstIdle';
import { useOpenedOnce } from '../useOpenedOnce';
import '../widgets/registerMlmWidgets';
import { EditorStatus } from './EditorStatus';
import { EditorToolbar } from './EditorToolbar';
import { FormSections } from './FormSections';
import { newListItem, newRecordEntry } from './newValues';
import { useItemDocument } from './useItemDocument';

const STAC_VERSIONS = [
  { value: '1.0.0', label: '1.0.0' },
  { value: '1.1.0', label: '1.1.0' },
];

// CodeMirror is large; it loads after the form is on screen.
const JsonView = lazy(() =>
  import('../../jsonview/JsonView').then((m) => ({ default: m.JsonView })),
);

// Dialogs load when first opened and are memoised: typing in the form does not re-render them.
const DownloadDialog = lazy(() =>
  import('./DownloadDialog').then((m) => ({ default: memo(m.DownloadDialog) })),
);
const DraftsDialog = lazy(() =>
  import('./DraftsDialog').then((m) => ({ default: memo(m.DraftsDialog) })),
);
const OnnxReviewDialog = lazy(() =>
  import('../onnx/OnnxReviewDialog').then((m) => ({ default: memo(m.OnnxReviewDialog) })),
);

// The panels below the first sections load after the form is on screen.
const FootprintPanel = lazy(() =>
  import('../footprint/FootprintPanel').then((m) => ({ default: m.FootprintPanel })),
);
const TrainingDataPanel = lazy(() =>
  import('../footprint/TrainingDataPanel').then((m) => ({ default: m.TrainingDataPanel })),
);
const PipelineStrip = lazy(() =>
  import('../../preview/PipelineStrip').then((m) => ({ default: m.PipelineStrip })),
);
const TensorPreviewPanel = lazy(() =>
  import('../preview/TensorPreviewPanel').then((m) => ({ default: m.TensorPreviewPanel })),
);

const jsonViewLoading = <Box sx={{ p: 2 }}>Loading the JSON view…</Box>;

const isUndoKey = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z';
const isRedoKey = (e: KeyboardEvent) =>
  (e.ctrlKey || e.metaKey) &&
  !e.altKey &&
  ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y');

/** The extent read for a link, if any; hrefs come from the item, so only own keys count. */
function extentOf(
  extents: Record<string, TrainingExtent>,
  href: string,
): TrainingExtent | undefined {
  return Object.hasOwn(extents, href) ? extents[href] : undefined;
}

/** The editor: the form on the left; the verdict, the issues and the JSON on the right. */
export function EditorScreen() {
  const editor = useItemDocument();
  const { view, tree, formRef } = editor;
  const { docRef, openFiles, applyModelFields } = editor;
  const getDoc = useCallback(() => docRef.current, [docRef]);
  const onnx = useOnnxImport(getDoc);
  const { start: startOnnx, close: closeOnnx, view: onnxView } = onnx;
  const applyFootprintTextRef = useRef<
    (text: string, origin: string) => Promise<string | undefined>
  >(() => Promise.resolve(undefined));
  // A dropped model (with its data files) fills the item; a .geojson or .wkt file sets the
  // footprint; a JSON file opens as the item.
  const onDrop = useCallback(
    (files: File[]) => {
      const [first] = files;
      if (isModelDrop(files)) {
        startOnnx(files);
      } else if (first && isFootprintFile(first.name)) {
        void first
          .text()
          .then((text) => applyFootprintTextRef.current(text, first.name))
          .then(setFootprintDropError);
      } else {
        void openFiles(files);
      }
    },
    [openFiles, startOnnx],
  );
  const dragging = useFileDrop(onDrop);
  const [footprintDropError, setFootprintDropError] = useState<string>();
  const applyOnnx = useCallback(
    (fields: ProposedField[]) => {
      applyModelFields(fields, onnxView?.fileName ?? 'the model');
      closeOnnx();
    },
    [applyModelFields, closeOnnx, onnxView?.fileName],
  );
  const [jsonSelection, setJsonSelection] = useState<TextRange>();
  const [confirmDownload, setConfirmDownload] = useState(false);
  const [draftsOpen, setDraftsOpen] = useState(false);

  // What the download dialog lists: schema errors (lint never blocks a download).
  const errors = useMemo(
    () => editor.findings.filter((f) => f.severity === 'error' && f.source !== 'lint'),
    [editor.findings],
  );
  const { applyQuickFix } = editor;
  const fixFinding = useCallback(
    (finding: Finding) => finding.fix && applyQuickFix(finding.fix),
    [applyQuickFix],
  );
  // A User Timing mark per validation shown (DevTools, and `npm run bench` measure from it).
  useEffect(() => {
    performance.mark('mlm:validated');
  }, [view.checks, editor.findings]);

  // Read through a ref: the callback stays the same while the text changes on every keystroke.
  const latest = useRef({ syntax: view.syntax, text: editor.text, tree });
  useEffect(() => {
    latest.current = { syntax: view.syntax, text: editor.text, tree };
  });
  const showFinding = useCallback(
    (finding: Finding) => {
      const { syntax, text, tree: current } = latest.current;
      const range = syntax
        ? { start: syntax.offset, end: syntax.offset }
        : locatePointer(text, finding.path);
      const values = formRef.current?.readValues();
      const fieldPath =
        syntax || !values ? undefined : pointerToFieldPath(current, values, finding.path);
      if (fieldPath !== undefined && fieldPath !== '') {
        formRef.current?.setFocus(fieldPath);
      } else if (range) {
        setJsonSelection({ ...range });
      }
    },
    [formRef],
  );
  const { setStacVersion, copy, setFootprint } = editor;
  const footprint = useFootprintEditing(setFootprint);
  const { apply: applyFootprint, applyText: applyFootprintText } = footprint;
  useEffect(() => {
    applyFootprintTextRef.current = applyFootprintText;
  }, [applyFootprintText]);
  const doc = docRef.current;
  const geometry = isRecord(doc) ? doc.geometry : undefined;
  const bbox = isRecord(doc) ? doc.bbox : undefined;
  const links = isRecord(doc) ? doc.links : undefined;
  const properties = isRecord(doc) && isRecord(doc.properties) ? doc.properties : undefined;
  const inputs = properties?.['mlm:input'];
  const outputs = properties?.['mlm:output'];
  const modelName =
    typeof properties?.['mlm:name'] === 'string' ? properties['mlm:name'] : undefined;
  const assets = isRecord(doc) ? doc.assets : undefined;
  // Only the band sources count: typing the model name must not rebuild the previews.
  const eoBands = properties?.['eo:bands'];
  const stacBands = properties?.bands;
  const bandNames = useMemo(
    () =>
      bandNamesOf(
        isRecord(assets) ? Object.entries(assets).map(([key, value]) => ({ key, value })) : [],
        { 'eo:bands': eoBands, bands: stacBands },
      ),
    [assets, eoBands, stacBands],
  );
  const findings = editor.findings;
  const showIssueAt = useCallback(
    (path: string) => {
      const finding = findings.find((f) => f.path === path);
      if (finding) {
        showFinding(finding);
      }
    },
    [findings, showFinding],
  );
  const trainingLinks = useMemo(() => trainingLinksOf(links), [links]);
  // Extents of the opened training-data files, by link href (they are not part of the item).
  const [extents, setExtents] = useState<Record<string, TrainingExtent>>({});
  const [extentErrors, setExtentErrors] = useState<Record<string, string>>({});
  const [footprintFit, setFootprintFit] = useState(0);
  const openTrainingFile = useCallback((link: TrainingLink, file: File) => {
    const refuse = (message: string) =>
      setExtentErrors((e) => ({ ...e, [link.href]: `${file.name} cannot be used: ${message}` }));
    // The same limits as an opened item: size, binary data, encoding, nesting depth.
    void Promise.all([readItemFile(file), import('../footprint/trainingExtent')]).then(
      ([read, { trainingExtentOf }]) => {
        if (!read.ok) {
          refuse(read.message);
          return;
        }
        const parsed = parseJsonText(read.text);
        if (!parsed.ok) {
          refuse(parsed.finding.message);
          return;
        }
        const extent = trainingExtentOf(parsed.value);
        if ('error' in extent) {
          refuse(`${extent.error}.`);
          return;
        }
        setExtentErrors(({ [link.href]: _dropped, ...rest }) => rest);
        setExtents((x) => ({ ...x, [link.href]: extent }));
        setFootprintFit((n) => n + 1);
      },
    );
  }, []);
  const mapLayers = useMemo(
    () =>
      trainingLinks.flatMap((link) => {
        const extent = extentOf(extents, link.href);
        return extent
          ? [
              {
                id: `training-${link.index}`,
                label: `${link.split ?? 'no split'}: ${link.title ?? link.href}`,
                color: splitColor(link.split),
                data: extent.data,
              },
            ]
          : [];
      }),
    [trainingLinks, extents],
  );
  const applyTrainingExtent = useCallback(() => {
    void import('../../map/bboxFootprint').then(async ({ bboxToGeometry, unionBbox }) => {
      const box = unionBbox(trainingLinks.flatMap((l) => extentOf(extents, l.href)?.bboxes ?? []));
      if (box) {
        await applyFootprint(bboxToGeometry(...box), 'other', [
          'The footprint is the box around the training data’s extents.',
        ]);
        setFootprintFit((n) => n + 1);
      }
    });
  }, [trainingLinks, extents, applyFootprint]);
  const onCopy = useCallback(() => void copy(), [copy]);
  const openDrafts = useCallback(() => setDraftsOpen(true), []);
  // One memo per section: an element that is the same object as last time is not re-rendered,
  // so typing in one section leaves the other sections' extras alone.
  const versionTop = useMemo(
    () => (
      <LazySelectBox
        size="small"
        label="STAC version"
        value={view.version}
        choices={STAC_VERSIONS}
        onChange={(v) => setStacVersion(v === '1.1.0' ? '1.1.0' : '1.0.0')}
        sx={{ maxWidth: 240 }}
      />
    ),
    [view.version, setStacVersion],
  );
  const footprintTop = useMemo(
    () => (
      <Suspense fallback={null}>
        <FootprintPanel
          geometry={geometry}
          bbox={bbox}
          notes={footprint.notes}
          precision={footprint.precision}
          onPrecision={footprint.setPrecision}
          onApply={applyFootprint}
          onApplyText={applyFootprintText}
          layers={mapLayers}
          fitRequest={footprintFit}
        />
      </Suspense>
    ),
    [
      geometry,
      bbox,
      footprint.notes,
      footprint.precision,
      footprint.setPrecision,
      applyFootprint,
      applyFootprintText,
      mapLayers,
      footprintFit,
    ],
  );
  // The previews follow the item a beat behind: a keystroke's own render (its validation) comes
  // first, and the drawings catch up in a render React may interrupt for the next keystroke.
  const previewInputs = useDeferredValue(inputs);
  const previewOutputs = useDeferredValue(outputs);
  const previewModelName = useDeferredValue(modelName);
  const previewFindings = useDeferredValue(findings);
  // The pipeline follows the model name; the preview (with its picker) does not re-render for it.
  const pipeline = useMemo(
    () =>
      Array.isArray(previewInputs) && previewInputs.length > 0 ? (
        <Suspense fallback={null}>
          <PipelineStrip
            inputs={previewInputs}
            outputs={Array.isArray(previewOutputs) ? previewOutputs : []}
            modelName={previewModelName}
          />
        </Suspense>
      ) : null,
    [previewInputs, previewOutputs, previewModelName],
  );
  const inputsPreview = useMemo(
    () => (
      <Suspense fallback={null}>
        <TensorPreviewPanel
          role="input"
          tensors={Array.isArray(previewInputs) ? previewInputs : []}
          bandNames={bandNames}
          findings={previewFindings}
          onShowIssue={showIssueAt}
        />
      </Suspense>
    ),
    [previewInputs, bandNames, previewFindings, showIssueAt],
  );
  const inputsTop = useMemo(
    () => (
      <Stack spacing={1} sx={{ width: '100%' }}>
        {pipeline}
        {inputsPreview}
      </Stack>
    ),
    [pipeline, inputsPreview],
  );
  const outputsTop = useMemo(
    () => (
      <Suspense fallback={null}>
        <TensorPreviewPanel
          role="output"
          tensors={Array.isArray(previewOutputs) ? previewOutputs : []}
          bandNames={bandNames}
          findings={previewFindings}
          onShowIssue={showIssueAt}
        />
      </Suspense>
    ),
    [previewOutputs, bandNames, previewFindings, showIssueAt],
  );
  const trainingTop = useMemo(
    () => (
      <Suspense fallback={null}>
        <TrainingDataPanel
          links={trainingLinks}
          extents={extents}
          errors={extentErrors}
          onOpen={openTrainingFile}
          onUseAsFootprint={applyTrainingExtent}
        />
      </Suspense>
    ),
    [trainingLinks, extents, extentErrors, openTrainingFile, applyTrainingExtent],
  );
  const sectionTop = useMemo(
    () => ({
      item: versionTop,
      footprint: footprintTop,
      inputs: inputsTop,
      outputs: outputsTop,
      training: trainingTop,
    }),
    [versionTop, footprintTop, inputsTop, outputsTop, trainingTop],
  );

  const onFormKeyDown = (e: KeyboardEvent) => {
    // One history covers the form and the JSON view: the browser's per-input undo would fight it.
    if (isRedoKey(e)) {
      e.preventDefault();
      editor.redo();
    } else if (isUndoKey(e)) {
      e.preventDefault();
      editor.undo();
    }
  };

  const { valid, checking, unchecked, checkedValid, download: save } = editor;
  // A download asked before the validator arrived waits for its verdict; one is enough.
  const deciding = useRef(false);
  const download = useCallback(() => {
    const decide = (ok: boolean) => (ok ? save() : setConfirmDownload(true));
    if (unchecked) {
      // No validator (its code could not be loaded; the status says so): the work is still theirs.
      save();
    } else if (checking) {
      if (!deciding.current) {
        deciding.current = true;
        void checkedValid()
          .then(decide, save)
          .finally(() => (deciding.current = false));
      }
    } else {
      decide(valid);
    }
  }, [valid, checking, unchecked, checkedValid, save]);
  const cancelDownload = useCallback(() => setConfirmDownload(false), []);
  const confirmAndDownload = useCallback(() => {
    setConfirmDownload(false);
    save();
  }, [save]);
  const { openDraft: loadDraft, renameDraft: rename, deleteDraft: remove } = editor;
  const closeDrafts = useCallback(() => setDraftsOpen(false), []);
  const openDraft = useCallback(
    (id: string) => {
      setDraftsOpen(false);
      void loadDraft(id);
    },
    [loadDraft],
  );
  const renameDraft = useCallback((id: string, name: string) => void rename(id, name), [rename]);
  const deleteDraft = useCallback((id: string) => void remove(id), [remove]);
  const downloadMounted = useOpenedOnce(confirmDownload);
  // CodeMirror builds its view after the form takes input (it is most of the first load's work).
  const jsonViewShown = useAfterFirstIdle(editor.ready);
  const draftsMounted = useOpenedOnce(draftsOpen);
  const onnxMounted = useOpenedOnce(onnxView !== undefined);

  return (
    <Box
      component="main"
      sx={{
        flex: 1,
        p: { xs: 1.5, md: 2 },
        display: 'grid',
        gap: 2,
        alignItems: 'start',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 7fr) minmax(0, 5fr)' },
      }}
    >
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <EditorToolbar
          onNew={editor.startFrom}
          onFiles={editor.openFiles}
          onModelFiles={startOnnx}
          onDownload={download}
          onCopy={onCopy}
          onUndo={editor.undo}
          onRedo={editor.redo}
          canUndo={view.canUndo}
          canRedo={view.canRedo}
          onDrafts={openDrafts}
        />
        {editor.saveError && <Alert severity="warning">{editor.saveError}</Alert>}
        {footprintDropError && (
          <Alert severity="error" onClose={() => setFootprintDropError(undefined)}>
            {footprintDropError}
          </Alert>
        )}
        {view.notice && (
          <Alert severity={view.notice.severity} onClose={editor.dismissNotice}>
            {view.notice.changes ? <AlertTitle>Upgraded to MLM v1.5.2</AlertTitle> : null}
            {view.notice.message}
            {view.notice.changes && (
              <Box component="ul" aria-label="Upgrade changes" sx={{ my: 0.5, pl: 2.5 }}>
                {view.notice.changes.map((c, i) => (
                  <li key={i}>
                    <code>{formatPointer(c.path)}</code>: {c.message}
                  </li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        {!editor.ready ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <CircularProgress size={18} />
            <span>Looking for your last draft…</span>
          </Stack>
        ) : (
          <Box onKeyDown={onFormKeyDown} aria-label="Item form" role="region">
            <SchemaForm
              key={view.formKey}
              ref={formRef}
              tree={tree}
              defaultValues={view.defaultValues}
              errors={editor.errors}
              marks={editor.marks}
              onChange={editor.onFormChange}
              newItem={newListItem}
              newEntry={newRecordEntry}
            >
              <FormSections tree={tree} before={sectionTop} />
            </SchemaForm>
          </Box>
        )}
      </Stack>
      <Stack
        spacing={2}
        sx={{
          position: { lg: 'sticky' },
          top: { lg: 16 },
          height: { lg: 'calc(100vh - 112px)' },
          minWidth: 0,
        }}
      >
        <EditorStatus
          valid={editor.valid}
          checking={editor.checking}
          unchecked={editor.unchecked}
          counts={editor.counts}
          sourceName={view.sourceName}
          syntaxLine={view.syntax?.line}
        />
        <Box sx={{ maxHeight: { lg: '32%' }, overflow: 'auto', flexShrink: 0 }}>
          <IssuesPanel
            findings={editor.findings}
            pending={
              editor.checking
                ? 'Checking the item…'
                : editor.unchecked
                  ? 'Not checked: the validator could not be loaded. Reload the page to check the item.'
                  : undefined
            }
            onShow={showFinding}
            onFix={fixFinding}
          />
        </Box>
        <Paper
          variant="outlined"
          sx={{ flex: 1, minHeight: 320, overflow: 'hidden', display: 'flex' }}
        >
          <Suspense fallback={jsonViewLoading}>
            {jsonViewShown ? (
              // Focus brings the text up to date first: an edit here starts from the last form edit.
              <Box sx={{ flex: 1, minWidth: 0 }} onFocus={editor.settleText}>
                <JsonView
                  text={editor.text}
                  onChange={editor.onJsonChange}
                  findings={editor.findings}
                  label="Item JSON"
                  onUndo={editor.undo}
                  onRedo={editor.redo}
                  selection={jsonSelection}
                />
              </Box>
            ) : (
              jsonViewLoading
            )}
          </Suspense>
        </Paper>
      </Stack>
      <Suspense fallback={null}>
        {downloadMounted && (
          <DownloadDialog
            open={confirmDownload}
            errors={errors}
            onCancel={cancelDownload}
            onConfirm={confirmAndDownload}
          />
        )}
        {draftsMounted && (
          <DraftsDialog
            open={draftsOpen}
            drafts={editor.drafts}
            currentId={editor.currentDraftId}
            onClose={closeDrafts}
            onOpen={openDraft}
            onRename={renameDraft}
            onDelete={deleteDraft}
          />
        )}
        {onnxMounted && (
          <OnnxReviewDialog
            view={onnxView}
            // The item only matters while the dialog is open; passing it always would re-render
            // the closed dialog on every keystroke.
            doc={onnxView ? docRef.current : undefined}
            fromModel={editor.modelValues}
            onApply={applyOnnx}
            onClose={closeOnnx}
            onStopHashing={onnx.stopHashing}
          />
        )}
      </Suspense>
      <DropOverlay open={dragging} />
    </Box>
  );
}
