import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import { lazy, memo, Suspense, useState } from 'react';

import { OpenFileButton } from '../OpenFileButton';

const loadMenu = () => import('./NewItemMenu');
const NewItemMenu = lazy(() => loadMenu().then((m) => ({ default: m.NewItemMenu })));

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
  // Mounted from the first opening on, so closing keeps its animation.
  const [menuOpened, setMenuOpened] = useState(false);
  const choose = (id: string) => {
    setMenu(null);
    props.onNew(id);
  };
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      <Button
        variant="outlined"
        onClick={(e) => {
          setMenu(e.currentTarget);
          setMenuOpened(true);
        }}
        onPointerEnter={() => void loadMenu()}
        onFocus={() => void loadMenu()}
        aria-haspopup="menu"
      >
        New item
      </Button>
      {menuOpened && (
        <Suspense fallback={null}>
          <NewItemMenu anchorEl={menu} onClose={() => setMenu(null)} onChoose={choose} />
        </Suspense>
      )}
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
