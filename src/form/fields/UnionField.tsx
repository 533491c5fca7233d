import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';

import type { UnionNode } from '../fieldNode';
import { resolveNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFormRuntime } from '../formRuntime';
import { convertForOption } from '../initialValue';
import { isCompactNode } from '../itemLayout';
import { cloneJson } from '../jsonValue';
import { kindLabel } from '../labels';
import { matchUnionOption } from '../unionMatch';
import { useDerivedValue } from '../useFieldValue';
import { FieldSection } from './FieldSection';

/**
 * A value of one of several kinds ("a band name or a band object"): a small toggle picks the
 * kind, starting from the kind of the current value. Switching back restores what was there.
 */
export function UnionField({
  node,
  path,
  label,
  required,
  actions,
  embedded,
}: FieldProps<UnionNode>) {
  const { setValue, getValues } = useFormContext();
  const { ChildField, focusField } = useFormRuntime();
  const matched = useDerivedValue(path, (value) => matchUnionOption(node, value));
  const [chosen, setChosen] = useState(0);
  const stash = useRef(new Map<number, unknown>());
  const active = matched >= 0 ? matched : chosen;
  const option = node.options[active];

  const switchTo = (index: number) => {
    const target = node.options[index];
    if (index === active || !target) {
      return;
    }
    const current: unknown = cloneJson(getValues(path));
    if (current !== undefined) {
      stash.current.set(active, current);
    }
    setChosen(index);
    const next = stash.current.has(index)
      ? stash.current.get(index)
      : convertForOption(current, target);
    setValue(path, next);
    // Opens the way to the new branch (a list shows an object item as a card) and moves there.
    focusField(path);
  };

  const labels = node.options.map((o) => {
    const r = resolveNode(o);
    return r.label || kindLabel(r);
  });
  const toggle = (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={active}
      onChange={(_, index: number | null) => index !== null && switchTo(index)}
      sx={{ flexShrink: 0 }}
    >
      {labels.map((text, index) => (
        <ToggleButton key={index} value={index} sx={{ textTransform: 'none', py: 0.5 }}>
          {text}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
  if (!option) {
    return null;
  }
  // The option is rendered at the same path; `required` only adds its asterisk.
  const field = (
    <ChildField
      node={option}
      path={path}
      label={label}
      required={required || undefined}
      embedded={!isCompactNode(option) || undefined}
    />
  );
  if (isCompactNode(option)) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>{field}</Box>
        <Box sx={{ pt: 0.25 }}>{toggle}</Box>
        {actions}
      </Stack>
    );
  }
  return (
    <FieldSection
      path={path}
      label={label}
      required={required}
      help={node.help}
      spec={node.spec}
      embedded={embedded}
      actions={
        <>
          {toggle}
          {actions}
        </>
      }
    >
      {field}
    </FieldSection>
  );
}
