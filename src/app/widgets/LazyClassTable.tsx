import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';

import type { FieldProps } from '../../form/fieldProps';

// The class table (and the virtualizer under it) loads with the first output that has classes.
const ClassTable = lazy(() => import('./ClassTable').then((m) => ({ default: m.ClassTable })));

/** The class table, loaded when first shown. */
export function LazyClassTable(props: FieldProps) {
  return (
    <Suspense fallback={<Typography variant="body2">Loading the class table…</Typography>}>
      <ClassTable {...props} />
    </Suspense>
  );
}
