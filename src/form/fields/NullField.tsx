import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';
import { TextBox } from './TextBox';

/** A field whose value is null: a read-only "null" with the toggle that brings the value back. */
export function NullField({ node, path, label, required, actions }: FieldProps) {
  const errors = useFieldErrors(path);
  return (
    <FieldRow actions={actions}>
      <TextBox
        label={label}
        required={required}
        fullWidth
        size="small"
        value="null"
        error={errors.length > 0}
        helperText={
          <FieldHelpText label={label} help={node.help} spec={node.spec} errors={errors} />
        }
        htmlInput={{ readOnly: true, sx: { fontFamily: 'monospace' } }}
      />
    </FieldRow>
  );
}
