import type { FieldProps } from '../fieldProps';
import { useFieldValue } from '../useFieldValue';
import { FieldRow } from './FieldActions';
import { TextBox } from './TextBox';

/** A list of short values as read-only text, shown while the chips editor loads. */
export function ChipsPreview({ label, required, path, actions }: FieldProps) {
  const [value] = useFieldValue(path);
  return (
    <FieldRow actions={actions}>
      <TextBox
        label={label}
        required={required}
        fullWidth
        size="small"
        value={Array.isArray(value) ? value.join(', ') : ''}
        htmlInput={{ readOnly: true }}
      />
    </FieldRow>
  );
}
