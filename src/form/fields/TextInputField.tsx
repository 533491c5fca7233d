import type { JsonNode, StringNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';
import { TextBox } from './TextBox';

const DATETIME_HELP = 'Format: YYYY-MM-DDThh:mm:ssZ, e.g. 2024-05-01T00:00:00Z.';

/** Free text; the widget hint picks a multi-line, URL, date-time or monospace (checksum) input. */
export function TextInputField({
  node,
  path,
  label,
  required,
  actions,
}: FieldProps<StringNode | JsonNode>) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const format = node.kind === 'string' ? node.format : undefined;
  const hint = node.widget;
  const multiline = hint === 'textarea';
  const isUrl = hint === 'url' || format === 'url';
  const isDatetime = hint === 'datetime' || format === 'datetime';
  const help = isDatetime ? [node.help, DATETIME_HELP].filter(Boolean).join(' ') : node.help;
  return (
    <FieldRow actions={actions}>
      <TextBox
        label={label}
        required={required}
        fullWidth
        size="small"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => setValue(e.target.value)}
        type={isUrl ? 'url' : 'text'}
        multiline={multiline}
        minRows={multiline ? 2 : undefined}
        placeholder={isDatetime ? '2024-05-01T00:00:00Z' : undefined}
        error={errors.length > 0}
        helperText={<FieldHelpText label={label} help={help} spec={node.spec} errors={errors} />}
        htmlInput={{
          spellCheck: !(isUrl || isDatetime || hint === 'checksum'),
          sx: hint === 'checksum' ? { fontFamily: 'monospace' } : undefined,
        }}
      />
    </FieldRow>
  );
}
