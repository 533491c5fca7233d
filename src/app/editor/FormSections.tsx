import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, type ReactNode } from 'react';

import type { FieldNode } from '../../form/fieldNode';
import { locateFieldPath } from '../../form/fieldPath';
import { DeferredFields } from '../../form/DeferredFields';
import { SchemaField } from '../../form/SchemaField';
import { SECTIONS } from './sections';

/**
 * Sections rendered with the form's first paint; the others follow one by one when the browser is
 * idle, so a big item's first screen is up, and takes input, quickly (they are below the fold).
 */
const IMMEDIATE_SECTIONS = 1;

function SectionFrame({
  section,
  busy = false,
  children,
}: {
  section: (typeof SECTIONS)[number];
  busy?: boolean;
  children?: ReactNode;
}) {
  return (
    <Paper
      component="section"
      aria-labelledby={`section-${section.id}`}
      aria-busy={busy || undefined}
      variant="outlined"
      sx={{ p: { xs: 1.5, md: 2 } }}
    >
      <Typography id={`section-${section.id}`} variant="h6" component="h2" sx={{ fontSize: 17 }}>
        {section.title}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
        {section.description}
      </Typography>
      <Box
        sx={{
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 0.5,
          rowGap: 1.75,
          // Fields take the full width; the "Add …" buttons of absent fields share rows.
          '& > *': { flexBasis: '100%', minWidth: 0 },
          '& > [data-absent-field]': { flexBasis: 'auto' },
        }}
      >
        {children}
      </Box>
    </Paper>
  );
}

/** The editor's sections, each a titled group of form fields (fields the schema lacks are skipped). */
/** One section; memoised, so a change to another section's extras does not re-render it. */
const FormSection = memo(function FormSection({
  tree,
  section,
  step,
  before,
}: {
  tree: FieldNode;
  section: (typeof SECTIONS)[number];
  step: number;
  before: ReactNode;
}) {
  return (
    <DeferredFields step={step} pending={<SectionFrame section={section} busy />}>
      <SectionFrame section={section}>
        {before}
        {section.fields
          .filter((path) => locateFieldPath(tree, path, () => undefined) !== undefined)
          .map((path) => (
            <SchemaField key={path} path={path} />
          ))}
      </SectionFrame>
    </DeferredFields>
  );
});

export const FormSections = memo(function FormSections({
  tree,
  before,
}: {
  tree: FieldNode;
  /** Extra controls at the top of a section, by section id. */
  before?: Record<string, ReactNode>;
}) {
  return (
    <Stack spacing={2}>
      {SECTIONS.map((section, index) => (
        <FormSection
          key={section.id}
          tree={tree}
          section={section}
          step={Math.max(0, index - IMMEDIATE_SECTIONS + 1)}
          before={before?.[section.id]}
        />
      ))}
    </Stack>
  );
});
