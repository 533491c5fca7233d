import Typography from '@mui/material/Typography';

import { lazyWidget } from '../../form/lazyWidget';

function ClassTableLoading() {
  return <Typography variant="body2">Loading the class table…</Typography>;
}

/** The class table (and the virtualizer under it), loaded with the first output that has classes. */
export const LazyClassTable = lazyWidget(
  () => import('./ClassTable').then((m) => m.ClassTable),
  ClassTableLoading,
);
