import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

import type { SelectBoxProps } from './LazySelectBox';

/** A closed list as MUI's select; loaded through LazySelectBox, off the first load. */
export function SelectBox({ choices, onChange, ...props }: SelectBoxProps) {
  return (
    <TextField select onChange={(e) => onChange(e.target.value)} {...props}>
      {choices.map((choice) => (
        <MenuItem key={choice.value} value={choice.value}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
