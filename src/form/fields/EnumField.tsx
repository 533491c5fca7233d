import type { EnumNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';
import { LazySelectBox } from './LazySelectBox';

// Menu items need string values; JSON text keeps "1" and 1 apart.
const keyOf = (value: unknown) => JSON.stringify(value) ?? '';

/** A closed list as a select; a value outside the list is shown (and flagged) rather than lost. */
export function EnumField({ node, path, label, required, actions }: FieldProps<EnumNode>) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const known = value === undefined || node.options.some((o) => Object.is(o, value));
  const options: unknown[] = known ? [...node.options] : [...node.options, value];
  return (
    <FieldRow actions={actions}>
      <LazySelectBox
        label={label}
        required={required}
        fullWidth
        size="small"
        value={value === undefined ? '' : keyOf(value)}
        choices={options.map((option) => ({ value: keyOf(option), label: String(option) }))}
        onChange={(key) => setValue(JSON.parse(key))}
        error={errors.length > 0 || !known}
        helperText={
          <FieldHelpText
            label={label}
            help={node.help}
            spec={node.spec}
            errors={errors}
            localError={known ? undefined : `${keyOf(value)} is not one of the listed values.`}
          />
        }
      />
    </FieldRow>
  );
}
