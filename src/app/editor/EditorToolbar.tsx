import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { useState, memo } from 'react';

import { TEMPLATE_MENU } from '../../import/templateMenu';
import { OpenFileButton } from '../OpenFileButton';

interface EditorToolbarProps {
  onNew: (templateId: string) => void;
  onFiles: (files: File[]) => void;
  /** An ONNX model, with its external-data files if it has some. */
  onModelFiles: (files: File[]) => void;
  onDownload: () => void;
  onCopy: () => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onDrafts: () => void;
}

/** The editor's actions: start, open, fill from a model, download, copy, undo/redo, drafts. */
export const EditorToolbar = memo(function EditorToolbar(props: EditorToolbarProps) {
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const choose = (id: string) => {
    setMenu(null);
    props.onNew(id);
  };
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <Button variant="outlined" onClick={(e) => setMenu(e.currentTarget)} aria-haspopup="menu">
        New item
      </Button>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => choose('blank')}>
          <ListItemText
            primary="Blank item"
            secondary="Only the fields every MLM item needs, empty"
          />
        </MenuItem>
        <Divider />
        {TEMPLATE_MENU.map((t) => (
          <MenuItem
            key={t.id}
            onClick={() => choose(t.id)}
            sx={{ maxWidth: 420, whiteSpace: 'normal' }}
          >
            <ListItemText primary={t.title} secondary={t.description} />
          </MenuItem>
        ))}
      </Menu>
      <OpenFileButton
        label="Open item JSON"
        accept=".json,application/json"
        onFiles={props.onFiles}
      />
      <OpenFileButton label="ONNX model" multiple variant="outlined" onFiles={props.onModelFiles} />
      <Button variant="contained" onClick={props.onDownload}>
        Download JSON
      </Button>
      <Button variant="outlined" onClick={props.onCopy}>
        Copy JSON
      </Button>
      {/* A native title, not MUI's Tooltip: Tooltip brings Popper into the first load. */}
      <span title="Undo (Ctrl+Z)">
        <IconButton onClick={props.onUndo} disabled={!props.canUndo} aria-label="Undo">
          ↶
        </IconButton>
      </span>
      <span title="Redo (Ctrl+Shift+Z)">
        <IconButton onClick={props.onRedo} disabled={!props.canRedo} aria-label="Redo">
          ↷
        </IconButton>
      </span>
      <Button onClick={props.onDrafts}>Drafts</Button>
    </Stack>
  );
});
