import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import type { Finding } from '../../schemas/finding';

import { DropOverlay } from './DropOverlay';
import { IssuesPanel } from './IssuesPanel';
import { locatePointer, type TextRange } from '../../schemas/locatePointer';
import { ItemTextField } from './ItemTextField';
import { OpenFileButton } from './OpenFileButton';
import { StatusSummary } from './StatusSummary';
import { useFileDrop } from './useFileDrop';
import { useItemEditor } from './useItemEditor';
import { WelcomeMessage } from './WelcomeMessage';

/** The first screen: the item text on the left, its verdict and issues on the right. */
export function ItemChecker() {
  const { state, check, findings, counts, edit, openFiles, startMinimalItem, dismissNotice } =
    useItemEditor();
  const dragging = useFileDrop(openFiles);
  const [selection, setSelection] = useState<TextRange>();
  const showFinding = (finding: Finding) => {
    // A syntax error carries its place in the message; the others are found by their JSON pointer.
    const range =
      check.kind === 'syntax'
        ? { start: check.offset, end: check.offset }
        : locatePointer(state.text, finding.path);
    if (range) {
      setSelection({ ...range });
    }
  };
  const sourceLabel = state.sourceName
    ? `${state.sourceName}${state.edited ? ' (edited)' : ''}`
    : 'Typed or pasted text';

  return (
    <Box
      component="main"
      sx={{
        flex: 1,
        p: { xs: 2, md: 3 },
        display: 'grid',
        columnGap: 3,
        rowGap: 2,
        alignItems: 'start',
        // Narrow: verdict, editor, issues. Wide: the editor left, verdict and issues right.
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 7fr) minmax(0, 5fr)' },
        gridTemplateRows: { md: 'auto 1fr' },
        gridTemplateAreas: {
          xs: '"status" "editor" "issues"',
          md: '"editor status" "editor issues"',
        },
      }}
    >
      <Box sx={{ gridArea: 'status' }}>
        {check.kind === 'empty' ? (
          <WelcomeMessage />
        ) : (
          <StatusSummary check={check} counts={counts} sourceLabel={sourceLabel} />
        )}
      </Box>
      <Stack spacing={2} sx={{ gridArea: 'editor' }}>
        <Stack
          direction="row"
          spacing={1.5}
          useFlexGap
          sx={{ flexWrap: 'wrap', alignItems: 'center' }}
        >
          <OpenFileButton onFiles={openFiles} />
          <Button variant="outlined" onClick={startMinimalItem}>
            New minimal item
          </Button>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            or drop a .json file anywhere on this page
          </Typography>
        </Stack>
        {state.notice && (
          <Alert severity={state.notice.severity} onClose={dismissNotice}>
            {state.notice.message}
          </Alert>
        )}
        <ItemTextField
          value={state.text}
          onChange={edit}
          syntaxError={check.kind === 'syntax' ? check.finding.message : undefined}
          documentKey={state.loads}
          selection={selection}
        />
      </Stack>
      <Box sx={{ gridArea: 'issues' }}>
        <IssuesPanel findings={findings} empty={check.kind === 'empty'} onShow={showFinding} />
      </Box>
      <DropOverlay open={dragging} />
    </Box>
  );
}
