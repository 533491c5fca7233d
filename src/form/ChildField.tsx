import Box from '@mui/material/Box';
import { memo, useState } from 'react';
import { useFormContext } from 'react-hook-form';

import { AddFieldButton } from './fields/AddFieldButton';
import type { ChildFieldProps } from './formRuntime';
import { useFormRuntime, useResetEpoch } from './formRuntime';
import { FieldSwitch } from './FieldSwitch';
import { initialValue } from './initialValue';
import { useDerivedValue } from './useFieldValue';

/** A nested field; an optional member that is absent shows an "Add …" button instead. */
export const ChildField = memo(function ChildField(props: ChildFieldProps) {
  return props.required === false ? <OptionalField {...props} /> : <FieldBlock {...props} />;
});

function FieldBlock({ onRemove, ...props }: ChildFieldProps & { onRemove?: () => void }) {
  return <FieldSwitch {...props} required={props.required === true} onRemove={onRemove} />;
}

function OptionalField(props: ChildFieldProps) {
  const { node, path } = props;
  const { setValue } = useFormContext();
  const { focusField } = useFormRuntime();
  const present = useDerivedValue(path, (value) => value !== undefined);
  const epoch = useResetEpoch();
  // "Open" outlives the value: a number field emptied by the user (= absent) stays on screen
  // until removed. A form reset starts over from the new values.
  const [ui, setUi] = useState({ epoch, open: present });
  if (ui.epoch !== epoch) {
    setUi({ epoch, open: present });
  } else if (present && !ui.open) {
    setUi({ epoch, open: true });
  }
  const label = props.label ?? node.label;

  if (!present && !ui.open) {
    const add = () => {
      const value = initialValue(node);
      if (value !== undefined) {
        setValue(path, value);
      }
      setUi({ epoch, open: true });
      focusField(path);
    };
    return (
      <Box data-field-path={path} data-field-leaf sx={{ flex: '0 0 auto' }}>
        <AddFieldButton label={label} path={path} onAdd={add} />
      </Box>
    );
  }
  const remove = () => {
    setValue(path, undefined);
    setUi({ epoch, open: false });
    // The remove button goes with the field: focus its "Add …" button, which takes its place.
    focusField(path);
  };
  return <FieldBlock {...props} required={false} onRemove={remove} />;
}
