import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';

import { TEMPLATE_MENU } from '../../import/templateMenu';

/** "New item": a blank item or a template. Loaded when first opened (Menu, Popover, Modal). */
export function NewItemMenu({
  anchorEl,
  onClose,
  onChoose,
}: {
  anchorEl: HTMLElement | null;
  onClose: () => void;
  onChoose: (templateId: string) => void;
}) {
  return (
    <Menu anchorEl={anchorEl} open={anchorEl !== null} onClose={onClose}>
      <MenuItem onClick={() => onChoose('blank')}>
        <ListItemText
          primary="Blank item"
          secondary="Only the fields every MLM item needs, empty"
        />
      </MenuItem>
      <Divider />
      {TEMPLATE_MENU.map((t) => (
        <MenuItem
          key={t.id}
          onClick={() => onChoose(t.id)}
          sx={{ maxWidth: 420, whiteSpace: 'normal' }}
        >
          <ListItemText primary={t.title} secondary={t.description} />
        </MenuItem>
      ))}
    </Menu>
  );
}
