import Stack from '@mui/material/Stack';
import { useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';

import type { BooleanNode, JsonNode, NumberNode, StringNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import type { ValueType } from '../typedValue';
import { convertValueType, detectValueType, VALUE_TYPE_LABELS, VALUE_TYPES } from '../typedValue';
import { FieldRow } from './FieldActions';
import { BooleanField } from './BooleanField';
import { JsonField } from './JsonField';
import { NullField } from './NullField';
import { NumberField } from './NumberField';
import { LazySelectBox } from './LazySelectBox';
import { TextInputField } from './TextInputField';
import { useFormWatch } from '../useFormWatch';

const VALUE_CHOICES = VALUE_TYPES.map((t) => ({ value: t, label: VALUE_TYPE_LABELS[t] }));

/**
 * A free value (z.unknown()) edited by type: text, number, true/false, null or JSON, starting
 * from the type of the current value (a hyperparameter `learning_rate: 0.001` is a number).
 */
export function TypedValueField(props: FieldProps<JsonNode>) {
  const { node, path, actions } = props;
  const { setValue } = useFormContext();
  const value: unknown = useFormWatch(path, { exact: true });
  const detected = detectValueType(value);
  const [type, setType] = useState<ValueType>(detected ?? 'text');
  const [seen, setSeen] = useState(value);

  // Follow the value when it changes type (undo, JSON edit); JSON can hold any type, so stay.
  if (value !== seen) {
    setSeen(value);
    if (detected && detected !== type && type !== 'json') {
      setType(detected);
    }
  }

  const nodes = useMemo(() => {
    const meta = { ...node, widget: undefined };
    return {
      text: { ...meta, kind: 'string' } satisfies StringNode,
      number: { ...meta, kind: 'number', integer: false } satisfies NumberNode,
      boolean: { ...meta, kind: 'boolean' } satisfies BooleanNode,
      json: { ...meta, kind: 'json' } satisfies JsonNode,
    };
  }, [node]);

  const changeType = (next: ValueType) => {
    setType(next);
    setValue(path, convertValueType(value, next));
  };

  const editorProps = { ...props, actions: undefined };
  const editor =
    type === 'text' ? (
      <TextInputField {...editorProps} node={nodes.text} />
    ) : type === 'number' ? (
      <NumberField {...editorProps} node={nodes.number} />
    ) : type === 'boolean' ? (
      <BooleanField {...editorProps} node={nodes.boolean} />
    ) : type === 'null' ? (
      <NullField {...editorProps} node={nodes.json} />
    ) : (
      <JsonField {...editorProps} node={nodes.json} />
    );

  return (
    <FieldRow actions={actions}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <LazySelectBox
          size="small"
          label="Type"
          value={type}
          choices={VALUE_CHOICES}
          onChange={(t) => changeType(t as ValueType)}
          sx={{ width: 130, flexShrink: 0 }}
        />
        <Stack sx={{ flex: 1, minWidth: 0 }}>{editor}</Stack>
      </Stack>
    </FieldRow>
  );
}
