import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';

import type { ProposedField } from '../../onnx/onnxModel';
import { describeModel, describeProgress, type OnnxImportView } from './onnxImportView';
import { describeCurrent, type ModelValue, reviewRows, type RowState } from './reviewRows';

const STATE_COLORS: Record<RowState, { color?: string; borderColor?: string }> = {
  empty: {},
  same: {},
  conflict: { color: '#8a4500', borderColor: 'warning.main' },
  changed: { color: 'info.dark', borderColor: 'info.main' },
};

const STATE_LABEL: Record<RowState, string> = {
  empty: 'empty now',
  same: 'already set',
  conflict: 'differs',
  changed: 'changed in the model',
};

/**
 * The review step of an ONNX import: what the model says, each field it would fill next to the
 * item's current value, and a checkbox per field. Nothing is written until "Apply".
 */
export function OnnxReviewDialog({
  view,
  doc,
  fromModel,
  onApply,
  onClose,
  onStopHashing,
}: {
  view: OnnxImportView | undefined;
  /** The item as it is now, to compare with. */
  doc: unknown;
  /** Values earlier model files wrote and the user left alone. */
  fromModel: readonly ModelValue[];
  onApply: (fields: ProposedField[]) => void;
  onClose: () => void;
  onStopHashing: () => void;
}) {
  const rows = useMemo(
    () => (view?.proposal ? reviewRows(view.proposal.fields, doc, fromModel) : []),
    [view?.proposal, doc, fromModel],
  );
  // The user's own ticks, by field id; untouched rows follow their default (new rows appear
  // when hashing ends).
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  const [forFile, setForFile] = useState(view?.key);
  if (forFile !== view?.key) {
    setForFile(view?.key);
    setChoices({});
  }
  const isChecked = (id: string, fallback: boolean) => choices[id] ?? fallback;
  const selected = rows.filter((r) => r.state !== 'same' && isChecked(r.field.id, r.checked));

  return (
    <Dialog
      open={view !== undefined}
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="onnx-review-title"
    >
      <DialogTitle id="onnx-review-title">
        Fill the item from {view?.fileName ?? 'the model'}
      </DialogTitle>
      <DialogContent dividers>
        {view?.phase === 'reading' && (
          <Stack spacing={1} sx={{ py: 2 }}>
            <Typography>Reading the model’s structure…</Typography>
            <LinearProgress aria-label="Reading the model" />
          </Stack>
        )}
        {view?.phase === 'failed' && view.error && (
          <Alert severity="error" role="alert">
            {view.error.message}
            {view.error.offset !== undefined && (
              <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
                Error code {view.error.code}, at byte {view.error.offset.toLocaleString('en-US')}.
              </Typography>
            )}
          </Alert>
        )}
        {view?.phase === 'ready' && view.model && (
          <Stack spacing={1.5}>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {describeModel(view.model)}
            </Typography>
            {view.hashing && (
              <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                <Box sx={{ flex: 1 }}>
                  <Typography variant="body2">{describeProgress(view.hashing)}</Typography>
                  <LinearProgress
                    variant="determinate"
                    value={
                      view.hashing.total > 0
                        ? (100 * view.hashing.bytesDone) / view.hashing.total
                        : 100
                    }
                    aria-label="Checksum progress"
                  />
                </Box>
                <Button onClick={onStopHashing}>Stop checksum</Button>
              </Stack>
            )}
            {view.messages.map((m, i) => (
              <Alert key={i} severity={m.severity}>
                {m.message}
              </Alert>
            ))}
            <Table size="small" aria-label="Fields the model can fill">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>Field</TableCell>
                  <TableCell>Now in the item</TableCell>
                  <TableCell>From the model</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => {
                  const same = row.state === 'same';
                  const checked = !same && isChecked(row.field.id, row.checked);
                  return (
                    <TableRow key={row.field.id} hover={!same}>
                      <TableCell padding="checkbox">
                        <Checkbox
                          checked={checked}
                          disabled={same}
                          onChange={(e) =>
                            setChoices((c) => ({ ...c, [row.field.id]: e.target.checked }))
                          }
                          slotProps={{ input: { 'aria-label': `Fill ${row.field.label}` } }}
                        />
                      </TableCell>
                      <TableCell>
                        <Typography variant="body2" sx={{ fontWeight: 500 }}>
                          {row.field.label}
                        </Typography>
                        <Chip
                          size="small"
                          label={STATE_LABEL[row.state]}
                          variant="outlined"
                          // Dark text keeps the label readable on white (WCAG AA contrast).
                          sx={{ mt: 0.5, height: 20, ...STATE_COLORS[row.state] }}
                        />
                      </TableCell>
                      <TableCell sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                        {row.current}
                      </TableCell>
                      <TableCell sx={{ overflowWrap: 'anywhere' }}>
                        <Typography variant="body2" sx={{ fontWeight: 500 }}>
                          {describeCurrent(row.field.value)}
                        </Typography>
                        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                          {row.field.summary}
                        </Typography>
                        {row.field.warning && (
                          <Typography variant="body2" sx={{ color: 'warning.dark', mt: 0.5 }}>
                            {row.field.warning}
                          </Typography>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={view?.phase !== 'ready' || selected.length === 0}
          onClick={() => onApply(selected.map((r) => r.field))}
        >
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
