import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';

import type { ItemCheck } from './checkItemText';
import { describeCounts, type FindingCounts } from './countFindings';

export function StatusSummary({
  check,
  counts,
  sourceLabel,
}: {
  check: Exclude<ItemCheck, { kind: 'empty' }>;
  counts: FindingCounts;
  sourceLabel: string;
}) {
  const valid = check.kind === 'checked' && check.result.valid;
  return (
    <Alert
      role="status"
      aria-label="Validation status"
      severity={valid ? 'success' : 'error'}
      variant="outlined"
      sx={{ bgcolor: 'background.paper' }}
    >
      <AlertTitle sx={{ fontWeight: 700, mb: 0.25 }}>{valid ? 'Valid' : 'Invalid'}</AlertTitle>
      <Typography variant="body2">
        {check.kind === 'syntax'
          ? `Not valid JSON (line ${check.line}, column ${check.column})`
          : describeCounts(counts)}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {sourceLabel}
      </Typography>
    </Alert>
  );
}
