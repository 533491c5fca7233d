import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';

import { lazy, memo, Suspense, useEffect } from 'react';

import type { Finding } from '../../schemas/finding';

const loadList = () => import('./IssueList');
const IssueList = lazy(() => loadList().then((m) => ({ default: m.IssueList })));

const listing = (
  <Typography variant="body2" sx={{ px: 2, py: 2, color: 'text.secondary' }}>
    Listing the issues…
  </Typography>
);

/** The item's findings, or why there are none yet. */
export const IssuesPanel = memo(function IssuesPanel({
  findings,
  pending,
  onShow,
  onFix,
}: {
  findings: readonly Finding[];
  /** Why there are no findings to list yet (the validator is loading, or could not be loaded). */
  pending?: string | undefined;
  /** Shows where a finding is in the item JSON. */
  onShow: (finding: Finding) => void;
  /** Applies a finding's quick fix. */
  onFix?: (finding: Finding) => void;
}) {
  // Fetched after the first render, before the validator: the rows are here when it has spoken.
  useEffect(() => void loadList(), []);
  return (
    <Paper component="section" aria-label="Issues" variant="outlined">
      <Box sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          Issues
        </Typography>
      </Box>
      {pending !== undefined || findings.length === 0 ? (
        <Typography variant="body2" sx={{ px: 2, py: 2, color: 'text.secondary' }}>
          {pending ?? 'No issues found.'}
        </Typography>
      ) : (
        <Suspense fallback={listing}>
          <IssueList findings={findings} onShow={onShow} onFix={onFix} />
        </Suspense>
      )}
    </Paper>
  );
});
