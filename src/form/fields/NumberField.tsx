import { useState } from 'react';

import type { NumberNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { formatBytes } from '../formatBytes';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { formatNumber, parseNumberText } from '../numberText';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';
import { TextBox } from './TextBox';

/**
 * A number typed as text. Empty text means the value is absent (never 0); text that is not a
 * number stays visible with an error while the form keeps the last valid number.
 */
export function NumberField({ node, path, label, required, actions }: FieldProps<NumberNode>) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const [text, setText] = useState(() => formatNumber(value));
  const [seen, setSeen] = useState<unknown>(value);
  const [localError, setLocalError] = useState<string>();

  // The value changed from outside (reset, undo, JSON edit): show it, unless the text says it.
  if (!Object.is(value, seen)) {
    setSeen(value);
    const parsed = parseNumberText(text, node.integer);
    const same =
      (parsed.kind === 'number' && Object.is(parsed.value, value)) ||
      (parsed.kind === 'empty' && value === undefined);
    if (!same) {
      setText(formatNumber(value));
      setLocalError(undefined);
    }
  }

  const onChange = (next: string) => {
    setText(next);
    const parsed = parseNumberText(next, node.integer);
    if (parsed.kind === 'invalid') {
      setLocalError(parsed.message);
      return;
    }
    setLocalError(undefined);
    const number = parsed.kind === 'number' ? parsed.value : undefined;
    setSeen(number);
    setValue(number);
  };

  const bytes =
    node.widget === 'bytes' && typeof value === 'number' && value >= 1000
      ? `≈ ${formatBytes(value)}.`
      : undefined;
  const nonNegative = node.min !== undefined && node.min >= 0;
  return (
    <FieldRow actions={actions}>
      <TextBox
        label={label}
        required={required}
        fullWidth
        size="small"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        error={errors.length > 0 || localError !== undefined}
        helperText={
          <FieldHelpText
            label={label}
            help={node.help}
            spec={node.spec}
            errors={errors}
            localError={localError}
            note={bytes}
          />
        }
        htmlInput={{
          inputMode: node.integer && nonNegative ? 'numeric' : 'decimal',
          autoComplete: 'off',
        }}
      />
    </FieldRow>
  );
}
