import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

import type { FieldProps } from '../../form/fieldProps';
import { FieldHelpText } from '../../form/fields/FieldHelpText';
import { useFieldErrors } from '../../form/formRuntime';
import { useFieldValue } from '../../form/useFieldValue';
import { TextBox } from '../../form/fields/TextBox';
import { dimName, dimText, parseDim } from './shapeText';

/**
 * The tensor shape as one small number box per dimension, each named after its dim_order entry,
 * so a shape and its dimension names are read side by side. -1 marks a size that varies.
 */
export function ShapeEditor({ node, path, label, required, actions }: FieldProps) {
  const [value, setValue] = useFieldValue(path);
  const [dimOrder] = useFieldValue(path.replace(/shape$/, 'dim_order'));
  const errors = useFieldErrors(path, { withDescendants: true });
  const dims = Array.isArray(value) ? (value as unknown[]) : [];
  // Text being typed that is not a dimension yet ("", "-") stays visible without reaching the item.
  const [drafts, setDrafts] = useState<Record<number, string>>({});

  const update = (index: number, text: string) => {
    const parsed = parseDim(text);
    setDrafts((d) => ({ ...d, [index]: text }));
    if (parsed !== undefined) {
      setValue(dims.map((v, i) => (i === index ? parsed : v)));
    }
  };
  const remove = (index: number) => {
    setDrafts({});
    setValue(dims.filter((_, i) => i !== index));
  };

  return (
    <Stack spacing={0.75} role="group" aria-label={label}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {label}
          {required ? ' *' : ''}
        </Typography>
        {actions}
      </Stack>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
        {dims.map((dim, index) => {
          const name = dimName(dimOrder, index);
          const text = drafts[index] ?? dimText(dim);
          const invalid = parseDim(text) === undefined;
          return (
            // Each dimension is addressable, so a finding about `shape/1` focuses that size.
            <Stack
              key={index}
              direction="row"
              sx={{ alignItems: 'center' }}
              data-field-path={`${path}.${index}`}
              data-field-leaf
            >
              <TextBox
                size="small"
                label={name}
                value={text}
                onChange={(e) => update(index, e.target.value)}
                onBlur={() => setDrafts({})}
                error={invalid}
                sx={{ width: 112 }}
                htmlInput={{
                  inputMode: 'numeric',
                  'aria-label': `${label}: size of ${name}`,
                  title: '-1 means the size varies',
                }}
                helperText={dim === -1 ? 'variable' : invalid ? 'whole number ≥ -1' : ' '}
              />
              <IconButton
                size="small"
                onClick={() => remove(index)}
                aria-label={`Remove ${name} from ${label}`}
              >
                ×
              </IconButton>
            </Stack>
          );
        })}
        <Button size="small" onClick={() => setValue([...dims, -1])} sx={{ mt: 0.5 }}>
          Add dimension
        </Button>
      </Stack>
      <FormHelperText error={errors.length > 0} sx={{ mx: 0 }}>
        <FieldHelpText label={label} help={node.help} spec={node.spec} errors={errors} />
      </FormHelperText>
    </Stack>
  );
}
