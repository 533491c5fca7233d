import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

import { isRecord } from '../../../schemas/primitives';
import type { FieldProps } from '../../form/fieldProps';
import { observeFixedBox, scrollUnlessFresh } from '../../form/layoutFreeVirtualizer';
import { FieldHelpText } from '../../form/fields/FieldHelpText';
import { useFieldErrors } from '../../form/formRuntime';
import { useFieldValue } from '../../form/useFieldValue';
import { nextClassValue, setClassField, swatchColor } from './classRows';

const ROW_HEIGHT = 52;
const TABLE_MAX_HEIGHT = 360;
const COLUMNS = '88px minmax(90px, 1fr) minmax(140px, 2fr) 150px 40px';

/**
 * The classes of an output as a table (value, name, description, colour). Only the visible rows
 * are rendered, so a thousand classes scroll and edit smoothly.
 */
export function ClassTable({ node, path, label, actions }: FieldProps) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path, { withDescendants: true });
  const rows = Array.isArray(value) ? (value as unknown[]) : [];
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // Rows have a fixed height and the box a fixed maximum: no layout reads while mounting.
    observeElementRect: observeFixedBox(TABLE_MAX_HEIGHT),
    scrollToFn: scrollUnlessFresh,
  });
  const set = (index: number, key: string, v: unknown) =>
    setValue(setClassField(rows, index, key, v));

  return (
    <Stack spacing={0.75} role="group" aria-label={label}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {label} ({rows.length})
        </Typography>
        {actions}
      </Stack>
      {rows.length > 0 && (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: COLUMNS,
            gap: 1,
            px: 1,
            color: 'text.secondary',
            typography: 'caption',
          }}
          aria-hidden="true"
        >
          <span>Value</span>
          <span>Name</span>
          <span>Description</span>
          <span>Colour</span>
          <span />
        </Box>
      )}
      <Box
        ref={scroller}
        sx={{
          maxHeight: TABLE_MAX_HEIGHT,
          overflow: 'auto',
          border: rows.length > 0 ? 1 : 0,
          borderColor: 'divider',
          borderRadius: 1,
        }}
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            const cls = isRecord(row) ? row : {};
            const n = item.index + 1;
            return (
              <Box
                key={item.key}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  gap: 1,
                  alignItems: 'center',
                  px: 1,
                }}
              >
                <TextField
                  size="small"
                  value={typeof cls.value === 'number' ? String(cls.value) : ''}
                  onChange={(e) => {
                    const t = e.target.value.trim();
                    set(item.index, 'value', /^-?\d+$/.test(t) ? Number(t) : undefined);
                  }}
                  slotProps={{
                    htmlInput: { inputMode: 'numeric', 'aria-label': `Value of class ${n}` },
                  }}
                />
                <TextField
                  size="small"
                  value={typeof cls.name === 'string' ? cls.name : ''}
                  onChange={(e) => set(item.index, 'name', e.target.value)}
                  slotProps={{ htmlInput: { 'aria-label': `Name of class ${n}` } }}
                />
                <TextField
                  size="small"
                  value={typeof cls.description === 'string' ? cls.description : ''}
                  onChange={(e) => set(item.index, 'description', e.target.value)}
                  slotProps={{ htmlInput: { 'aria-label': `Description of class ${n}` } }}
                />
                <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                  <Box
                    component="input"
                    type="color"
                    value={swatchColor(cls.color_hint)}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                      set(item.index, 'color_hint', e.target.value.slice(1).toUpperCase())
                    }
                    aria-label={`Colour picker for class ${n}`}
                    sx={{
                      width: 28,
                      height: 28,
                      p: 0,
                      border: 0,
                      bgcolor: 'transparent',
                      flexShrink: 0,
                    }}
                  />
                  <TextField
                    size="small"
                    value={typeof cls.color_hint === 'string' ? cls.color_hint : ''}
                    onChange={(e) =>
                      set(item.index, 'color_hint', e.target.value.replace(/^#/, ''))
                    }
                    slotProps={{
                      htmlInput: {
                        'aria-label': `Colour of class ${n}`,
                        maxLength: 7,
                        style: { fontFamily: 'monospace' },
                      },
                    }}
                  />
                </Stack>
                <IconButton
                  size="small"
                  aria-label={`Remove class ${n}`}
                  onClick={() => setValue(rows.filter((_, i) => i !== item.index))}
                >
                  ×
                </IconButton>
              </Box>
            );
          })}
        </Box>
      </Box>
      <Button
        size="small"
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const v = nextClassValue(rows);
          setValue([...rows, { value: v, name: `class_${v}`, description: `Class ${v}` }]);
          requestAnimationFrame(() => virtualizer.scrollToIndex(rows.length));
        }}
      >
        Add class
      </Button>
      <FormHelperText error={errors.length > 0} sx={{ mx: 0 }}>
        <FieldHelpText label={label} help={node.help} spec={node.spec} errors={errors} />
      </FormHelperText>
    </Stack>
  );
}
