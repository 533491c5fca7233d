import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import type { DraftSummary } from '../../drafts/draftStore';

/** The named drafts kept in this browser: open, rename or delete one. */
export function DraftsDialog({
  open,
  drafts,
  currentId,
  onClose,
  onOpen,
  onRename,
  onDelete,
}: {
  open: boolean;
  drafts: readonly DraftSummary[];
  currentId: string;
  onClose: () => void;
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
}) {
  const [editing, setEditing] = useState<{ id: string; name: string }>();
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="drafts-title">
      <DialogTitle id="drafts-title">Drafts</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          Every change is saved in this browser as you work. Drafts stay here until you delete them.
        </Typography>
        {drafts.length === 0 ? (
          <Typography variant="body2">No drafts yet.</Typography>
        ) : (
          <List dense aria-label="Saved drafts">
            {drafts.map((d) => (
              <ListItem key={d.id} divider sx={{ gap: 1, flexWrap: 'wrap' }}>
                {editing?.id === d.id ? (
                  <TextField
                    size="small"
                    label="Draft name"
                    value={editing.name}
                    autoFocus
                    onChange={(e) => setEditing({ id: d.id, name: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && editing.name.trim()) {
                        onRename(d.id, editing.name.trim());
                        setEditing(undefined);
                      }
                    }}
                    sx={{ flex: 1 }}
                  />
                ) : (
                  <ListItemText
                    primary={`${d.name}${d.id === currentId ? ' (open)' : ''}`}
                    secondary={`Saved ${new Date(d.updatedAt).toLocaleString()} · ${Math.max(1, Math.round(d.size / 1024))} kB`}
                  />
                )}
                <Stack direction="row" spacing={0.5}>
                  {editing?.id === d.id ? (
                    <Button
                      size="small"
                      onClick={() => {
                        if (editing.name.trim()) {
                          onRename(d.id, editing.name.trim());
                        }
                        setEditing(undefined);
                      }}
                    >
                      Save name
                    </Button>
                  ) : (
                    <>
                      <Button
                        size="small"
                        onClick={() => onOpen(d.id)}
                        disabled={d.id === currentId}
                        aria-label={`Open draft ${d.name}`}
                      >
                        Open
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setEditing({ id: d.id, name: d.name })}
                        aria-label={`Rename draft ${d.name}`}
                      >
                        Rename
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        onClick={() => onDelete(d.id)}
                        aria-label={`Delete draft ${d.name}`}
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </Stack>
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
