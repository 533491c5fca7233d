import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import { useId } from 'react';

import { useFieldErrors } from '../formRuntime';
import { AddIcon } from './icons';

/** Stands in for an absent optional field; messages about the field (e.g. "required") show here. */
export function AddFieldButton({
  label,
  path,
  onAdd,
}: {
  label: string;
  path: string;
  onAdd: () => void;
}) {
  const errors = useFieldErrors(path);
  const errorId = useId();
  return (
    // data-absent-field lets a layout put these small buttons side by side.
    <Stack data-absent-field="">
      <Button
        size="small"
        variant="text"
        color={errors.length > 0 ? 'error' : 'primary'}
        startIcon={<AddIcon />}
        onClick={onAdd}
        aria-describedby={errors.length > 0 ? errorId : undefined}
        sx={{ textTransform: 'none', justifyContent: 'flex-start' }}
      >
        Add {label}
      </Button>
      {errors.length > 0 && (
        <FormHelperText id={errorId} error sx={{ mt: 0, mx: 1 }}>
          {errors.join(' ')}
        </FormHelperText>
      )}
    </Stack>
  );
}
