import Box from '@mui/material/Box';
import {
  type ReactNode,
  type Ref,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { FormProvider, useForm } from 'react-hook-form';

import { ChildField } from './ChildField';
import type { FormErrors } from './errorStore';
import type { FieldNode } from './fieldNode';
import {
  createFormRuntime,
  FormRuntimeContext,
  type NewEntryFactory,
  type NewItemFactory,
} from './formRuntime';
import { applyFormChange, type FormValues, fromFormValues } from './formValues';
import { subscribeToValueChanges } from './formChanges';
import { cloneJson } from './jsonValue';
import type { SchemaFormHandle } from './schemaFormApi';
import { SchemaFormApiContext } from './schemaFormApi';
import { SchemaField } from './SchemaField';

export interface FormChange {
  /**
   * The document the form now stands for. Parts the change did not touch are shared with the
   * previous document, so treat both as immutable.
   */
  doc: unknown;
  /** The field path that changed ('' when anything may have). */
  path: string;
}

export interface SchemaFormProps {
  /** The field tree (buildFieldTree, at module scope). Read once: remount with a key to change. */
  tree: FieldNode;
  /** Initial values, already encoded with toFormValues. Read once: use the handle's reset. */
  defaultValues: FormValues;
  /** Messages by field path from the app's validator; shown at the fields. */
  errors?: FormErrors;
  /** Short labels by field path shown as badges on the fields, e.g. "from ONNX". */
  marks?: FormErrors;
  /** Called with the new document after every change that alters it; not after reset(). */
  onChange?: (change: FormChange) => void;
  ref?: Ref<SchemaFormHandle>;
  /** Sections built from SchemaField; the whole tree when omitted. */
  children?: ReactNode;
  /** The app's default values for new list items and record entries (read once). */
  newItem?: NewItemFactory;
  newEntry?: NewEntryFactory;
}

/** The one place that owns the react-hook-form state of a schema-driven form. */
export function SchemaForm({
  tree,
  defaultValues,
  errors,
  marks,
  onChange,
  ref,
  children,
  newItem,
  newEntry,
}: SchemaFormProps) {
  const form = useForm<FormValues>({ defaultValues });
  const rootRef = useRef<HTMLFormElement>(null);
  const [runtime] = useState(() =>
    createFormRuntime({
      tree,
      errors,
      marks,
      ChildField,
      root: () => rootRef.current,
      newItem,
      newEntry,
    }),
  );

  useEffect(() => {
    runtime.errors.set(errors ?? {});
  }, [errors, runtime]);
  useEffect(() => {
    runtime.marks.set(marks ?? {});
  }, [marks, runtime]);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  // The document the form stands for, kept in step one change at a time (see applyFormChange).
  const docRef = useRef<{ doc: unknown } | undefined>(undefined);
  // reset() brings its own document: its change notice is not an edit.
  const resetting = useRef(false);
  useEffect(() => {
    docRef.current ??= { doc: fromFormValues(tree, form.getValues()) };
    return subscribeToValueChanges(form.control, ({ name }) => {
      if (resetting.current) {
        return;
      }
      const previous = docRef.current?.doc;
      const path = name ?? '';
      // Live values, read at once: nothing here keeps a reference into them (see formChanges.ts).
      const doc = applyFormChange(tree, previous, form.getValues(), path);
      if (doc !== previous) {
        docRef.current = { doc };
        onChangeRef.current?.({ doc, path });
      }
    });
  }, [form, tree]);

  const handle = useMemo<SchemaFormHandle>(
    () => ({
      reset(values, doc) {
        docRef.current = { doc: doc === undefined ? fromFormValues(tree, values) : doc };
        resetting.current = true;
        try {
          form.reset(values);
        } finally {
          resetting.current = false;
        }
        runtime.resetEpoch.bump();
      },
      setFocus: (fieldPath) => runtime.focusField(fieldPath),
      getValues: () => cloneJson(form.getValues()),
      readValues: () => form.getValues(),
      setValue: (fieldPath, value) => form.setValue(fieldPath, value),
    }),
    [form, runtime, tree],
  );
  useImperativeHandle(ref, () => handle, [handle]);
  // react-hook-form re-renders this host whenever its formState changes (always once, right after
  // mount, for isReady), and FormProvider then hands every field a new context value: the whole
  // form rendered twice on first load. No field reads formState (each subscribes to its own
  // values), so the context keeps the first formState and the fields stay as they are.
  const [formState] = useState(() => form.formState);

  return (
    <FormProvider {...form} formState={formState}>
      <FormRuntimeContext value={runtime}>
        <SchemaFormApiContext value={handle}>
          <Box
            component="form"
            ref={rootRef}
            noValidate
            autoComplete="off"
            onSubmit={(e) => e.preventDefault()}
          >
            {children ?? <SchemaField path="" />}
          </Box>
        </SchemaFormApiContext>
      </FormRuntimeContext>
    </FormProvider>
  );
}
