import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useRef, useState } from 'react';

import { editorItemSchemaV10 } from '../../../schemas/editorSchema';
import type { FormErrors } from '../errorStore';
import { buildFieldTree } from '../fieldTree';
import { pointerToFieldPath, toFormValues } from '../formValues';
import type { SchemaFormHandle } from '../schemaFormApi';
import { SchemaField } from '../SchemaField';
import { SchemaForm } from '../SchemaForm';
import { DEMO_ITEM } from './demoItem';

declare global {
  interface Window {
    /** The current document, for e2e/form.spec.ts. */
    __formDemoDocument?: unknown;
  }
}

const TREE = buildFieldTree(editorItemSchemaV10);
const INITIAL = toFormValues(TREE, DEMO_ITEM);

const DEMO_ERRORS: Record<string, string> = {
  '/properties/mlm:name': 'The name must not contain spaces (demo error).',
  '/properties/mlm:output/0/classification:classes/500/name': 'Class name taken (demo error).',
  '/assets/model.pt/href': 'Must be an absolute URL (demo error).',
};

/** The form on the MLM editor schema, with its document beside it; for Playwright and eyes. */
export function FormDemo() {
  const form = useRef<SchemaFormHandle>(null);
  const [doc, setDoc] = useState<unknown>(DEMO_ITEM);
  const [errors, setErrors] = useState<FormErrors>({});

  const showErrors = () => {
    const values = form.current?.getValues() ?? INITIAL;
    const next: Record<string, string[]> = {};
    for (const [pointer, message] of Object.entries(DEMO_ERRORS)) {
      const path = pointerToFieldPath(TREE, values, pointer);
      if (path !== undefined) {
        next[path] = [message];
      }
    }
    setErrors(next);
  };

  return (
    <Stack direction="row" spacing={2} sx={{ p: 2, alignItems: 'flex-start' }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
          <Button variant="outlined" onClick={showErrors}>
            Show errors
          </Button>
          <Button
            variant="outlined"
            onClick={() =>
              form.current?.setFocus('properties.mlm:output.0.classification:classes.500.name')
            }
          >
            Focus class 501
          </Button>
          <Button variant="outlined" onClick={() => form.current?.reset(INITIAL)}>
            Reset
          </Button>
        </Stack>
        <SchemaForm
          ref={form}
          tree={TREE}
          defaultValues={INITIAL}
          errors={errors}
          onChange={({ doc: next }) => {
            window.__formDemoDocument = next;
            setDoc(next);
          }}
        >
          <Stack spacing={3}>
            <SchemaField path="id" />
            <SchemaField path="properties" />
            <SchemaField path="assets" />
            <SchemaField path="links" />
            <SchemaField path="geometry" />
          </Stack>
        </SchemaForm>
      </Box>
      <Box
        component="pre"
        data-testid="document"
        sx={{ width: 360, flexShrink: 0, fontSize: 11, maxHeight: '95vh', overflow: 'auto', m: 0 }}
      >
        {JSON.stringify(doc, null, 2).slice(0, 20000)}
      </Box>
    </Stack>
  );
}
