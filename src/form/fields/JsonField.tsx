import { useState } from 'react';
import { useFormContext } from 'react-hook-form';

import type { FieldProps } from '../fieldProps';
import { decodeValue, encodeValue } from '../formValues';
import { useFieldErrors } from '../formRuntime';
import { describeKind, formatJsonText, parseJsonText } from '../jsonText';
import { jsonEqual } from '../jsonValue';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';
import { useFormWatch } from '../useFormWatch';
import { TextBox } from './TextBox';

interface JsonFieldProps extends FieldProps {
  /** The value does not fit the field's own widget, which is why it is shown as JSON. */
  misfit?: boolean;
}

/**
 * Any JSON value as text. Text that does not parse shows the parser's message and leaves the
 * last valid value in the form; emptying an optional member removes it.
 */
export function JsonField({ node, path, label, required, actions, misfit }: JsonFieldProps) {
  const { setValue } = useFormContext();
  // A watch rather than useController: the JSON editor may stand in for a list or an object
  // (a value that does not fit), and a registered input there would confuse useFieldArray.
  const value: unknown = useFormWatch(path, { exact: true });
  const errors = useFieldErrors(path, { withDescendants: true });
  const [text, setText] = useState(() => formatJsonText(decodeValue(node, value)));
  const [seen, setSeen] = useState(value);
  const [localError, setLocalError] = useState<string>();

  if (value !== seen) {
    setSeen(value);
    const decoded = decodeValue(node, value);
    const parsed = text.trim() === '' ? undefined : parseJsonText(text);
    const same = parsed ? parsed.ok && jsonEqual(parsed.value, decoded) : decoded === undefined;
    if (!same) {
      setText(formatJsonText(decoded));
      setLocalError(undefined);
    }
  }

  const onChange = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      // Only an optional member can be left out; a list item or record value needs a value.
      if (!node.optional) {
        setLocalError('Enter a JSON value, e.g. null, 0, "text", [] or {}.');
      } else {
        setLocalError(undefined);
        setValue(path, undefined);
      }
      return;
    }
    const parsed = parseJsonText(next);
    if (!parsed.ok) {
      setLocalError(`Not valid JSON (${parsed.message}); the last valid value is kept.`);
      return;
    }
    setLocalError(undefined);
    setValue(path, encodeValue(node, parsed.value));
  };

  const help = misfit
    ? `Expected ${describeKind(node.kind)}; this value does not fit, so it is shown as JSON.`
    : node.help;
  return (
    <FieldRow actions={actions}>
      <TextBox
        label={label}
        required={required}
        fullWidth
        size="small"
        multiline
        minRows={1}
        maxRows={16}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        error={errors.length > 0 || localError !== undefined || misfit}
        helperText={
          <FieldHelpText
            label={label}
            help={help}
            spec={node.spec}
            errors={errors}
            localError={localError}
          />
        }
        htmlInput={{ spellCheck: false, sx: { fontFamily: 'monospace', fontSize: 13 } }}
      />
    </FieldRow>
  );
}
