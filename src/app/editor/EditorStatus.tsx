import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';

import { describeCounts, type FindingCounts } from '../countFindings';
import { memo } from 'react';

/** Whether the item is valid, with the counts; a live region, so the verdict is announced. */
export const EditorStatus = memo(function EditorStatus({
  valid,
  checking,
  unchecked,
  counts,
  sourceName,
  syntaxLine,
}: {
  valid: boolean;
  /** The validator is still loading: no verdict yet. */
  checking: boolean;
  /** The validator could not be loaded: no verdict at all. */
  unchecked: boolean;
  counts: FindingCounts;
  sourceName: string;
  syntaxLine?: number | undefined;
}) {
  return (
    <Alert
      role="status"
      aria-label="Validation status"
      severity={checking ? 'info' : unchecked ? 'warning' : valid ? 'success' : 'error'}
      variant="outlined"
      sx={{ bgcolor: 'background.paper', py: 0.25 }}
    >
      <AlertTitle sx={{ fontWeight: 700, mb: 0 }}>
        {checking ? 'Checking…' : unchecked ? 'Not checked' : valid ? 'Valid' : 'Invalid'}
      </AlertTitle>
      <Typography variant="body2">
        {syntaxLine !== undefined
          ? `Not valid JSON (line ${syntaxLine})`
          : checking
            ? 'Loading the validator'
            : unchecked
              ? 'The validator could not be loaded'
              : describeCounts(counts)}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {sourceName}
      </Typography>
    </Alert>
  );
});
