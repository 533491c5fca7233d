import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactNode, useId } from 'react';

import { useErrorCount } from '../formRuntime';
import { ExpandLessIcon, ExpandMoreIcon } from './icons';
import { ItemActions, type ItemActionsProps } from './ItemActions';
import { VisuallyHidden } from './VisuallyHidden';

interface ItemCardProps extends ItemActionsProps {
  /** Words after the title, e.g. the item's name. */
  summary?: ReactNode;
  /** Field path of the item, for its error count. */
  path: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}

/** One list item as a titled, collapsible group; a collapsed card still counts its problems. */
export function ItemCard({ summary, path, open, onToggle, children, ...actions }: ItemCardProps) {
  const titleId = useId();
  const bodyId = useId();
  const problems = useErrorCount(path);
  return (
    <Paper variant="outlined" role="group" aria-labelledby={titleId} sx={{ px: 1.5, py: 0.5 }}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minHeight: 40 }}>
        <IconButton
          size="small"
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={onToggle}
        >
          {open ? <ExpandLessIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
          <VisuallyHidden>
            {open ? 'Collapse' : 'Expand'} {actions.title}
          </VisuallyHidden>
        </IconButton>
        <Typography
          id={titleId}
          variant="subtitle2"
          component="div"
          noWrap
          sx={{ flex: 1, minWidth: 0 }}
        >
          {actions.title}
          {summary}
        </Typography>
        {problems > 0 && (
          <Chip
            size="small"
            color="error"
            variant="outlined"
            label={problems === 1 ? '1 problem' : `${problems} problems`}
          />
        )}
        <ItemActions {...actions} />
      </Stack>
      {open && (
        <Box id={bodyId} sx={{ pt: 0.5, pb: 1 }}>
          {children}
        </Box>
      )}
    </Paper>
  );
}
