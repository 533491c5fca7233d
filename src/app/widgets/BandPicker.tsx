import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

import type { FieldProps } from '../../form/fieldProps';
import { FieldHelpText } from '../../form/fields/FieldHelpText';
import { useFieldErrors } from '../../form/formRuntime';
import { useFieldValue } from '../../form/useFieldValue';
import { useFormWatch } from '../../form/useFormWatch';
import { bandNamesOf, variableNamesOf } from './bandNames';

const CHIP_LIMIT = 24;

/**
 * Band names of an input or output as chips, suggesting the bands the item describes (raster or
 * eo bands of the model asset, STAC 1.1 bands), so the names match their source exactly.
 */
export function BandPicker({ node, path, label, required, actions }: FieldProps) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path, { withDescendants: true });
  const variables = path.endsWith('.variables');
  // Only the names: typing elsewhere in the item does not re-render the picker.
  const known = useFormWatch<string[]>(['assets', 'properties'], {
    compute: (watched) => {
      const [assets, properties] = watched as [unknown, unknown];
      return variables ? variableNamesOf(assets, properties) : bandNamesOf(assets, properties);
    },
  });
  const bands = Array.isArray(value) ? (value as string[]) : [];
  const [showAll, setShowAll] = useState(false);
  const missing = known.filter((b) => !bands.includes(b));

  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        <Autocomplete
          multiple
          freeSolo
          fullWidth
          size="small"
          options={known}
          value={bands}
          onChange={(_e, next) => setValue(next.map(String).filter((b) => b.trim() !== ''))}
          renderValue={(selected, getItemProps) =>
            // Hundreds of chips per input make big items slow to render and hard to read.
            (showAll ? selected : selected.slice(0, CHIP_LIMIT)).map((band, index) => {
              const { key, ...itemProps } = getItemProps({ index });
              const unknownBand = known.length > 0 && !known.includes(String(band));
              return (
                <Chip
                  key={key}
                  {...itemProps}
                  size="small"
                  label={String(band)}
                  color={unknownBand ? 'warning' : 'default'}
                  title={unknownBand ? 'Not described elsewhere in the item' : undefined}
                />
              );
            })
          }
          renderInput={(params) => (
            <TextField
              {...params}
              label={label}
              required={required}
              error={errors.length > 0}
              placeholder={
                bands.length === 0
                  ? `Type a ${variables ? 'variable' : 'band'} name or pick one`
                  : undefined
              }
              helperText={
                <FieldHelpText label={label} help={node.help} spec={node.spec} errors={errors} />
              }
            />
          )}
        />
        {actions}
      </Stack>
      {bands.length > CHIP_LIMIT && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the first ${CHIP_LIMIT} bands only` : `Show all ${bands.length} bands`}
        </Button>
      )}
      {missing.length > 0 && bands.length === 0 && (
        <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => setValue(known)}>
          Use all {known.length} {variables ? 'variables' : 'bands'} of the item
        </Button>
      )}
    </Stack>
  );
}
