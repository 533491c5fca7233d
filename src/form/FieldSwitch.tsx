import Box from '@mui/material/Box';
import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';

import type { FieldNode } from './fieldNode';
import { resolveNode } from './fieldNode';
import { FieldActions } from './fields/FieldActions';
import { JsonField } from './fields/JsonField';
import { NullField } from './fields/NullField';
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
      sx={{ flex: '1 1 100%', minWidth: 0 }}
    >
      {state === 'null' && <NullField {...props} />}
      {state === 'misfit' && <JsonField {...props} misfit />}
      {usesWidget && <Widget {...props} />}
    </Box>
  );
}
