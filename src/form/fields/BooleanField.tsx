import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { useId } from 'react';

import type { BooleanNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { FieldRow } from './FieldActions';
import { FieldHelpText, hasHelpText } from './FieldHelpText';

/** True/false as a checkbox; an absent value shows as indeterminate. */
export function BooleanField({ node, path, label, required, actions }: FieldProps<BooleanNode>) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const helpId = useId();
  const invalid = errors.length > 0;
  const helpProps = { label, help: node.help, spec: node.spec, errors };
  const showHelp = hasHelpText(helpProps);
  return (
    <FieldRow actions={actions}>
      <FormControl error={invalid} required={required}>
        <FormControlLabel
          required={required}
          label={label}
          control={
            <Checkbox
              checked={value === true}
              indeterminate={value === undefined}
              onChange={(e) => setValue(e.target.checked)}
              slotProps={{
                input: {
                  'aria-invalid': invalid || undefined,
                  'aria-describedby': showHelp ? helpId : undefined,
                },
              }}
            />
          }
        />
        {showHelp && (
          <FormHelperText id={helpId} sx={{ mt: 0 }}>
            <FieldHelpText {...helpProps} />
          </FormHelperText>
        )}
      </FormControl>
    </FieldRow>
  );
}
