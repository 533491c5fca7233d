import Box from '@mui/material/Box';
import { useRef } from 'react';
import { useFormContext } from 'react-hook-form';

import type { DiscriminatedUnionNode } from '../fieldNode';
import { resolveNode } from '../fieldNode';
import { joinPath } from '../fieldPath';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors, useFormRuntime } from '../formRuntime';
import { switchBranch } from '../initialValue';
import { cloneJson } from '../jsonValue';
import { humanizeKey } from '../labels';
import { FieldHelpText } from './FieldHelpText';
import { LazySelectBox } from './LazySelectBox';
import { FieldGrid, FieldSection } from './FieldSection';
import { useFormWatch } from '../useFormWatch';

const keyOf = (value: unknown) => JSON.stringify(value) ?? '';

/**
 * One of several object shapes told apart by a member (`type`): a select for that member, then
 * the chosen shape's fields. Each shape keeps its values while another one is chosen.
 */
export function DiscriminatedUnionField(props: FieldProps<DiscriminatedUnionNode>) {
  const { node, path, label, required, actions, embedded } = props;
  const { setValue, getValues } = useFormContext();
  const { ChildField } = useFormRuntime();
  const tagPath = joinPath(path, node.discriminator);
  const tag: unknown = useFormWatch(tagPath);
  const tagErrors = useFieldErrors(tagPath);
  const stash = useRef(new Map<string, unknown>());
  const option = node.options.find((o) => Object.is(o.value, tag));
  const tagChild = (option ?? node.options[0])?.node.children.find(
    (c) => c.key === node.discriminator,
  );
  const tagLabel = tagChild ? resolveNode(tagChild.node).label : humanizeKey(node.discriminator);

  const choose = (key: string) => {
    const next = node.options.find((o) => keyOf(o.value) === key);
    if (!next || key === keyOf(tag)) {
      return;
    }
    const current: unknown = cloneJson(getValues(path));
    if (tag !== undefined) {
      stash.current.set(keyOf(tag), current);
    }
    const restored = stash.current.get(key);
    setValue(path, restored ?? switchBranch(current, next, node.discriminator));
  };

  return (
    <FieldSection
      path={path}
      label={label}
      required={required}
      help={node.help}
      spec={node.spec}
      actions={actions}
      embedded={embedded}
    >
      <FieldGrid>
        <Box data-field-path={tagPath} data-field-leaf sx={{ flex: '1 1 100%', minWidth: 0 }}>
          <LazySelectBox
            label={tagLabel}
            required
            fullWidth
            size="small"
            value={tag === undefined ? '' : keyOf(tag)}
            choices={[
              ...node.options.map((o) => ({ value: keyOf(o.value), label: String(o.value) })),
              ...(tag !== undefined && !option ? [{ value: keyOf(tag), label: String(tag) }] : []),
            ]}
            onChange={choose}
            error={tagErrors.length > 0 || (tag !== undefined && !option)}
            helperText={
              <FieldHelpText
                label={tagLabel}
                errors={tagErrors}
                localError={
                  tag !== undefined && !option ? `${keyOf(tag)} is not a known kind.` : undefined
                }
              />
            }
          />
        </Box>
        {option?.node.children
          .filter((child) => child.key !== node.discriminator)
          .map((child) => (
            <ChildField
              key={`${keyOf(option.value)}:${child.key}`}
              node={child.node}
              path={joinPath(path, child.key)}
              required={child.required}
            />
          ))}
      </FieldGrid>
    </FieldSection>
  );
}
