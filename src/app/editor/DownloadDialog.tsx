import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

import type { Finding } from '../../../schemas/finding';
import { formatPointer } from '../formatPointer';

const SHOWN = 5;

/** Asked before saving an invalid item: it can be kept as a draft, but the user hears why first. */
export function DownloadDialog({
  open,
  errors,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  errors: readonly Finding[];
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="download-dialog-title">
      <DialogTitle id="download-dialog-title">This item is not valid yet</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Catalogs and validators will reject it because of {errors.length} error
          {errors.length === 1 ? '' : 's'}
          {errors.length > SHOWN ? `, for example:` : ':'}
        </DialogContentText>
        {/* Long JSON paths wrap: a dialog that scrolls sideways hides the end of each path. */}
        <Box component="ul" sx={{ overflowWrap: 'anywhere' }}>
          {errors.slice(0, SHOWN).map((f, i) => (
            <li key={i}>
              <code>{formatPointer(f.path)}</code>: {f.message}
            </li>
          ))}
        </Box>
        <DialogContentText>You can still save it as a draft and finish it later.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Keep editing</Button>
        <Button onClick={onConfirm} variant="contained" color="warning">
          Download draft anyway
        </Button>
      </DialogActions>
    </Dialog>
  );
}
