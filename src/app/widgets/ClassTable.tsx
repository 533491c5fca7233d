import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
import { useFormContext } from 'react-hook-form';

import { isRecord } from '../../../schemas/isRecord';
import type { FieldProps } from '../../form/fieldProps';
import { observeFixedBox, scrollUnlessFresh } from '../../form/layoutFreeVirtualizer';
import { FieldHelpText } from '../../form/fields/FieldHelpText';
import { joinPath } from '../../form/fieldPath';
import { useFieldErrors, useRevealItem } from '../../form/formRuntime';
import { useFormWatch } from '../../form/useFormWatch';
import { nextClassValue, rowCells, swatchColor } from './classRows';

const ROW_HEIGHT = 52;
const TABLE_MAX_HEIGHT = 360;
const COLUMNS = '88px minmax(90px, 1fr) minmax(140px, 2fr) 150px 40px';

/**
 * The classes of an output as a table (value, name, description, colour). Only the visible rows
 * are rendered, and each row watches and sets its own cells: a keystroke in one class re-renders
 * that row alone, not the table, and never copies the thousand others.
 */
export function ClassTable({ node, path, label, actions }: FieldProps) {
  const { getValues, setValue } = useFormContext();
  const count = useFormWatch(path, { compute: rowCount });
  const errors = useFieldErrors(path, { withDescendants: true });
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // Rows have a fixed height and the box a fixed maximum: no layout reads while mounting.
    observeElementRect: observeFixedBox(TABLE_MAX_HEIGHT),
    scrollToFn: scrollUnlessFresh,
  });
  // A finding in a class off screen (the issues panel, a lint fix) scrolls its row into view.
  useRevealItem(path, (index) => virtualizer.scrollToIndex(index, { align: 'center' }));
  const rows = (): unknown[] => {
    const value: unknown = getValues(path);
    return Array.isArray(value) ? value : [];
  };
  const remove = useCallback(
    (index: number) => {
      const value: unknown = getValues(path);
      if (Array.isArray(value)) {
        setValue(
          path,
          value.filter((_, i) => i !== index),
        );
      }
    },
    [getValues, setValue, path],
  );

  return (
    <Stack spacing={0.75} role="group" aria-label={label}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {label} ({count})
        </Typography>
        {actions}
      </Stack>
      {count > 0 && (
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
          border: count > 0 ? 1 : 0,
          borderColor: 'divider',
          borderRadius: 1,
        }}
      >
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <ClassRowView
              key={item.key}
              path={joinPath(path, item.index)}
              index={item.index}
              start={item.start}
              onRemove={remove}
            />
          ))}
        </Box>
      </Box>
      <Button
        size="small"
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => {
          const current = rows();
          const v = nextClassValue(current);
          setValue(path, [...current, { value: v, name: `class_${v}`, description: `Class ${v}` }]);
          requestAnimationFrame(() => virtualizer.scrollToIndex(current.length));
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

const rowCount = (value: unknown) => (Array.isArray(value) ? value.length : 0);

const ROW_SX = {
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  height: ROW_HEIGHT,
  display: 'grid',
  gridTemplateColumns: COLUMNS,
  gap: 1,
  alignItems: 'center',
  px: 1,
} as const;

const SWATCH_SX = {
  width: 28,
  height: 28,
  p: 0,
  border: 0,
  bgcolor: 'transparent',
  flexShrink: 0,
} as const;

interface ClassRowProps {
  /** The row's field path (`…classes.3`). */
  path: string;
  index: number;
  /** Offset from the top of the table, in pixels. */
  start: number;
  onRemove: (index: number) => void;
}

/** One class: its cells and the remove button. */
const ClassRowView = memo(function ClassRowView({ path, index, start, onRemove }: ClassRowProps) {
  const cells = useFormWatch(path, { compute: rowCells });
  const n = index + 1;
  return (
    <Box sx={ROW_SX} style={{ transform: `translateY(${start}px)` }}>
      <ClassCell
        rowPath={path}
        cell="value"
        value={typeof cells.value === 'number' ? String(cells.value) : ''}
        label={`Value of class ${n}`}
      />
      <ClassCell
        rowPath={path}
        cell="name"
        value={typeof cells.name === 'string' ? cells.name : ''}
        label={`Name of class ${n}`}
      />
      <ClassCell
        rowPath={path}
        cell="description"
        value={typeof cells.description === 'string' ? cells.description : ''}
        label={`Description of class ${n}`}
      />
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
        <ColourSwatch
          rowPath={path}
          hint={cells.color_hint}
          label={`Colour picker for class ${n}`}
        />
        <ClassCell
          rowPath={path}
          cell="color_hint"
          value={typeof cells.color_hint === 'string' ? cells.color_hint : ''}
          label={`Colour of class ${n}`}
        />
      </Stack>
      <IconButton size="small" aria-label={`Remove class ${n}`} onClick={() => onRemove(index)}>
        ×
      </IconButton>
    </Box>
  );
});

type Cell = 'value' | 'name' | 'description' | 'color_hint';

/** The document value of what was typed in a cell; undefined removes the key. */
const CELL_VALUE: Record<Cell, (text: string) => unknown> = {
  value: (text) => (/^-?\d+$/u.test(text.trim()) ? Number(text.trim()) : undefined),
  name: (text) => (text === '' ? undefined : text),
  description: (text) => text,
  color_hint: (text) => {
    const hint = text.replace(/^#/u, '');
    return hint === '' ? undefined : hint;
  },
};

/** Sets one cell of a class; a row that is no longer an object is left alone. */
function useSetCell(rowPath: string) {
  const { getValues, setValue } = useFormContext();
  return (cell: Cell, value: unknown) => {
    if (isRecord(getValues(rowPath))) {
      setValue(joinPath(rowPath, cell), value);
    }
  };
}

const ColourSwatch = memo(function ColourSwatch({
  rowPath,
  hint,
  label,
}: {
  rowPath: string;
  hint: unknown;
  label: string;
}) {
  const set = useSetCell(rowPath);
  return (
    <Box
      component="input"
      type="color"
      value={swatchColor(hint)}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
        set('color_hint', e.target.value.slice(1).toUpperCase())
      }
      aria-label={label}
      sx={SWATCH_SX}
    />
  );
});

interface ClassCellProps {
  rowPath: string;
  cell: Cell;
  value: string;
  label: string;
}

/**
 * One text cell, marked invalid (with its message as its description) when validation reports a
 * problem at its path, and reachable by path from the issues panel. Only the cell typed in
 * re-renders.
 */
const ClassCell = memo(function ClassCell({ rowPath, cell, value, label }: ClassCellProps) {
  const path = joinPath(rowPath, cell);
  const errors = useFieldErrors(path);
  const set = useSetCell(rowPath);
  const invalid = errors.length > 0;
  return (
    <Box data-field-path={path} data-field-leaf="" sx={{ minWidth: 0 }}>
      <TextField
        size="small"
        fullWidth
        value={value}
        error={invalid}
        onChange={(e) => set(cell, CELL_VALUE[cell](e.target.value))}
        slotProps={{
          htmlInput: {
            'aria-label': label,
            'aria-invalid': invalid,
            title: invalid ? errors.join(' ') : undefined,
            ...(cell === 'value' ? { inputMode: 'numeric' as const } : {}),
            ...(cell === 'color_hint' ? { maxLength: 7, style: MONOSPACE } : {}),
          },
        }}
      />
    </Box>
  );
});

const MONOSPACE = { fontFamily: 'monospace' };
