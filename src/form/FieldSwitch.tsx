import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';

import type { FieldNode } from './fieldNode';
import { resolveNode } from './fieldNode';
import { FieldActions } from './fields/FieldActions';
import { JsonField } from './fields/JsonField';
import { NullField } from './fields/NullField';
import { useFieldMarks } from './formRuntime';
import { initialValue } from './initialValue';
import { cloneJson } from './jsonValue';
import { resolveWidget } from './registry';
import { useDerivedValue } from './useFieldValue';
import { valueState } from './valueState';

export interface FieldSwitchProps {
  node: FieldNode;
  path: string;
  label?: string;
  /** Show the asterisk of a required member. */
  required?: boolean;
  embedded?: boolean;
  /** Present for optional members: the remove button calls it. */
  onRemove?: () => void;
}

/**
 * Picks the widget for a node from the registry and adds the chrome every field shares: the
 * null toggle, the remove button, and the JSON editor for a value the widget cannot show.
 */
export function FieldSwitch({
  node: given,
  path,
  label,
  required,
  embedded,
  onRemove,
}: FieldSwitchProps) {
  const node = resolveNode(given);
  const widget = resolveWidget(node);
  const { setValue, getValues } = useFormContext();
  // Only the state is watched: typing inside the field does not re-render this switch.
  const state = useDerivedValue(path, (value) => valueState(node, value, widget.accepts));
  // The value before "null" was ticked, brought back when it is unticked.
  const beforeNull = useRef<unknown>(undefined);
  const display = label ?? node.label;
  const marks = useFieldMarks(path);

  const toggleNull = (toNull: boolean) => {
    if (toNull) {
      beforeNull.current = cloneJson(getValues(path));
      setValue(path, null);
    } else {
      setValue(path, beforeNull.current ?? initialValue(node));
    }
  };
  const actions = (node.nullable || onRemove) && (
    <FieldActions
      label={display}
      nullable={node.nullable}
      isNull={state === 'null'}
      onToggleNull={toggleNull}
      onRemove={onRemove}
    />
  );
  const props = { node, path, label: display, required: required === true, actions, embedded };
  const Widget = widget.component;
  const usesWidget = state === 'fits' || state === 'absent';
  return (
    // The path lets focus-by-path find the field; a leaf owns everything below its path.
    <Box
      data-field-path={path}
      data-field-leaf={!usesWidget || !widget.container || undefined}
      sx={{ flex: '1 1 100%', minWidth: 0, position: 'relative' }}
    >
      {marks.length > 0 && (
        <Stack
          direction="row"
          spacing={0.5}
          // On the field's top edge, clear of its label: a tag, not part of the input.
          sx={{ position: 'absolute', top: -9, right: 40, zIndex: 1 }}
        >
          {marks.map((mark) => (
            <Chip
              key={mark}
              label={mark}
              size="small"
              color="info"
              variant="outlined"
              title={`${display}: ${mark}`}
              sx={{ height: 18, fontSize: 11, bgcolor: 'background.paper' }}
            />
          ))}
        </Stack>
      )}
      {state === 'null' && <NullField {...props} />}
      {state === 'misfit' && <JsonField {...props} misfit />}
      {usesWidget && <Widget {...props} />}
    </Box>
  );
}
