import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput';
import type { SxProps, Theme } from '@mui/material/styles';
import { type ReactNode, useId } from 'react';

/** What the form's text inputs use of MUI's TextField props. */
export interface TextBoxProps {
  label?: ReactNode;
  required?: boolean;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
  value?: unknown;
  onChange?: OutlinedInputProps['onChange'];
  onBlur?: OutlinedInputProps['onBlur'];
  error?: boolean;
  helperText?: ReactNode;
  placeholder?: string;
  type?: string;
  multiline?: boolean;
  minRows?: number;
  maxRows?: number;
  id?: string;
  sx?: SxProps<Theme>;
  inputRef?: OutlinedInputProps['inputRef'];
  /** Attributes of the `<input>` or `<textarea>` itself. */
  htmlInput?: OutlinedInputProps['inputProps'];
  /** `data-` attributes go on the root, around label, input and helper text. */
  [attribute: `data-${string}`]: string | undefined;
}

/**
 * An outlined text input with label and helper text, wired like MUI's TextField (label `for`,
 * helper text as `aria-describedby`). TextField itself imports Select, Menu, Popover and Modal for
 * its `select` mode, about 20 KB gzip that the first load does without.
 */
export function TextBox({
  label,
  required = false,
  fullWidth = false,
  size,
  error = false,
  helperText,
  id: idOverride,
  sx,
  htmlInput,
  ...rest
}: TextBoxProps) {
  const root: Record<string, unknown> = {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    (key.startsWith('data-') ? root : input)[key] = value;
  }
  const generated = useId();
  const id = idOverride ?? generated;
  const helperId = helperText ? `${id}-helper-text` : undefined;
  const hasLabel = label !== undefined && label !== null && label !== '';
  return (
    <FormControl
      {...root}
      required={required}
      fullWidth={fullWidth}
      size={size}
      error={error}
      variant="outlined"
      sx={sx}
    >
      {hasLabel && (
        <InputLabel htmlFor={id} id={`${id}-label`}>
          {label}
        </InputLabel>
      )}
      <OutlinedInput
        {...input}
        fullWidth={fullWidth}
        id={id}
        label={hasLabel ? label : undefined}
        aria-describedby={helperId}
        inputProps={htmlInput}
      />
      {helperText && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  );
}
