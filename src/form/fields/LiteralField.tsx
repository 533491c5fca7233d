import Button from '@mui/material/Button';

import type { LiteralNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';
import { TextBox } from './TextBox';

const show = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** A fixed value, read-only; a wrong or missing value gets a button that sets the right one. */
export function LiteralField({ node, path, label, required, actions }: FieldProps<LiteralNode>) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const matches = Object.is(value, node.value);
  const expected = show(node.value);
  return (
    <FieldRow actions={actions}>
      <TextBox
        label={label}
        required={required}
        fullWidth
        size="small"
        value={show(value)}
        error={errors.length > 0 || !matches}
        helperText={
          <>
            <FieldHelpText
              label={label}
              help={node.help}
              spec={node.spec}
              errors={errors}
              localError={matches ? undefined : `Must be ${JSON.stringify(node.value)}.`}
            />
            {!matches && (
              <Button size="small" sx={{ ml: 1, py: 0 }} onClick={() => setValue(node.value)}>
                Set to {expected}
              </Button>
            )}
          </>
        }
        htmlInput={{ readOnly: true }}
      />
    </FieldRow>
  );
}
