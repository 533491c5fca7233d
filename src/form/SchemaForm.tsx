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
import type { FormValues } from './formValues';
import { cloneJson } from './jsonValue';
import type { SchemaFormHandle } from './schemaFormApi';
import { SchemaFormApiContext } from './schemaFormApi';
import { SchemaField } from './SchemaField';

export interface SchemaFormProps {
  /** The field tree (buildFieldTree, at module scope). Read once: remount with a key to change. */
  tree: FieldNode;
  /** Initial values, already encoded with toFormValues. Read once: use the handle's reset. */
  defaultValues: FormValues;
  /** Messages by field path from the app's validator; shown at the fields. */
  errors?: FormErrors;
  /** Called with a copy of the (encoded) values after every change; not after reset(). */
  onChange?: (values: FormValues) => void;
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
  onChange,
  ref,
  children,
  newItem,
  newEntry,
}: SchemaFormProps) {
  const form = useForm<FormValues>({ defaultValues });
  const rootRef = useRef<HTMLFormElement>(null);
  const [runtime] = useState(() =>
    createFormRuntime({ tree, errors, ChildField, root: () => rootRef.current, newItem, newEntry }),
  );

  useEffect(() => {
    runtime.errors.set(errors ?? {});
  }, [errors, runtime]);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  // The JSON of the last values reported (or reset to): react-hook-form also notifies when
  // nothing changed (focus, a re-registered input), and the text doubles as a deep copy.
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    reported.current ??= JSON.stringify(form.getValues());
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        const json = JSON.stringify(values);
        if (json !== reported.current) {
          reported.current = json;
          onChangeRef.current?.(JSON.parse(json) as FormValues);
        }
      },
    });
  }, [form]);

  const handle = useMemo<SchemaFormHandle>(
    () => ({
      reset(values) {
        reported.current = JSON.stringify(values);
        form.reset(values);
        runtime.resetEpoch.bump();
      },
      setFocus: (fieldPath) => runtime.focusField(fieldPath),
      getValues: () => cloneJson(form.getValues()),
      setValue: (fieldPath, value) => form.setValue(fieldPath, value),
    }),
    [form, runtime],
  );
  useImperativeHandle(ref, () => handle, [handle]);

  return (
    <FormProvider {...form}>
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
