import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import type { ReactNode } from 'react';

import { CloseIcon } from './icons';
import { VisuallyHidden } from './VisuallyHidden';

interface FieldActionsProps {
  label: string;
  nullable: boolean;
  isNull: boolean;
  onToggleNull: (toNull: boolean) => void;
  onRemove?: () => void;
}

/** The null toggle and the remove button of a field; nothing for a required, non-null field. */
export function FieldActions({
  label,
  nullable,
  isNull,
  onToggleNull,
  onRemove,
}: FieldActionsProps) {
  if (!nullable && !onRemove) {
    return null;
  }
  return (
    <Stack direction="row" sx={{ alignItems: 'center', flexShrink: 0, minHeight: 40 }}>
      {nullable && (
        <ToggleButton
          size="small"
          value="null"
          selected={isNull}
          onChange={() => onToggleNull(!isNull)}
          title="null is a value of its own, different from leaving the field out"
          sx={{ textTransform: 'none', fontFamily: 'monospace', py: 0.25, px: 1, mr: 0.5 }}
        >
          <VisuallyHidden>Set {label} to null</VisuallyHidden>
          <span aria-hidden="true">null</span>
        </ToggleButton>
      )}
      {onRemove && (
        <IconButton size="small" onClick={onRemove}>
          <CloseIcon fontSize="small" />
          <VisuallyHidden>Remove {label}</VisuallyHidden>
        </IconButton>
      )}
    </Stack>
  );
}

/** A leaf widget with its actions to the right. */
export function FieldRow({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  if (!actions) {
    return children;
  }
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Stack sx={{ flex: 1, minWidth: 0 }}>{children}</Stack>
      {actions}
    </Stack>
  );
}
