import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

import type { ArrayNode } from '../fieldNode';
import { resolveNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { parseNumberText } from '../numberText';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';

type Chip = string | number;

const CHIPS_SHOWN = 40;

/**
 * A list of short values as chips: closed lists pick from their options, open ones take typed
 * text (Enter or leaving the field adds it). Number lists such as a shape keep every chip a
 * number; "1, 3, 224, 224" adds four.
 */
export function ChipsField({ node, path, label, required, actions }: FieldProps<ArrayNode>) {
  const [raw, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path, { withDescendants: true });
  const [localError, setLocalError] = useState<string>();
  const item = resolveNode(node.item);
  const numeric = item.kind === 'number';
  const integer = item.kind === 'number' && item.integer;
  const closed = item.kind === 'enum';
  const options: Chip[] = closed
    ? [...item.options]
    : [...new Set([...(node.suggestions ?? []), ...(item.suggestions ?? [])])];
  const value: Chip[] = Array.isArray(raw) ? (raw as Chip[]) : [];

  const onChange = (next: readonly Chip[]) => {
    if (!numeric) {
      setLocalError(undefined);
      setValue([...next]);
      return;
    }
    const numbers: number[] = [];
    const rejected: string[] = [];
    for (const chip of next) {
      if (typeof chip === 'number') {
        numbers.push(chip);
        continue;
      }
      for (const part of chip.split(/[\s,;]+/u).filter(Boolean)) {
        const parsed = parseNumberText(part, integer);
        if (parsed.kind === 'number' && (!integer || Number.isInteger(parsed.value))) {
          numbers.push(parsed.value);
        } else {
          rejected.push(part);
        }
      }
    }
    setLocalError(
      rejected.length > 0
        ? `Not ${integer ? 'a whole number' : 'a number'}: ${rejected.join(', ')}.`
        : undefined,
    );
    setValue(numbers);
  };

  return (
    <FieldRow actions={actions}>
      <Autocomplete<Chip, true, false, boolean>
        multiple
        freeSolo={!closed}
        autoSelect={!closed}
        filterSelectedOptions
        // A long list (thousands of band names) shows its first chips and "+N" until focused.
        limitTags={CHIPS_SHOWN}
        fullWidth
        size="small"
        options={options}
        value={value}
        getOptionLabel={String}
        onChange={(_, next) => onChange(next)}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            required={required}
            placeholder={
              numeric ? 'Type numbers, then Enter' : closed ? undefined : 'Type, then Enter'
            }
            error={errors.length > 0 || localError !== undefined}
            helperText={
              <FieldHelpText
                label={label}
                help={node.help}
                spec={node.spec}
                errors={errors}
                localError={localError}
              />
            }
          />
        )}
      />
    </FieldRow>
  );
}
