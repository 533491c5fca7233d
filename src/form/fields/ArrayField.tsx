import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useFieldArray, useFormContext } from 'react-hook-form';

import type { ArrayNode, FieldNode } from '../fieldNode';
import { resolveNode } from '../fieldNode';
import { joinPath } from '../fieldPath';
import type { FieldProps } from '../fieldProps';
import { useFormRuntime } from '../formRuntime';
import { isCompactNode } from '../itemLayout';
import { cloneJson } from '../jsonValue';
import { singularLabel } from '../labels';
import { matchUnionOption } from '../unionMatch';
import { useDerivedValue } from '../useFieldValue';
import { AbsentList } from './AbsentList';
import { FieldSection } from './FieldSection';
import { AddIcon } from './icons';
import type { ItemActionsProps } from './ItemActions';
import { ItemCard } from './ItemCard';
import { ItemList } from './ItemList';
import { ItemRow } from './ItemRow';
import { ItemSummary } from './ItemSummary';
import { useItemDisclosure } from './useItemDisclosure';
import { useRemoveKeepingFocus } from './useRemoveKeepingFocus';

/**
 * A list of items: cards titled "Input 1 — <name>" (rows for short values) with add, remove,
 * duplicate and move buttons. Long lists start collapsed and render only what is visible.
 */
export function ArrayField(props: FieldProps<ArrayNode>) {
  const { node, path, label } = props;
  const { setValue } = useFormContext();
  const { focusField, newItem } = useFormRuntime();
  const present = useDerivedValue(path, (value) => value !== undefined);
  const itemLabel = node.item.label || singularLabel(label);
  if (!present) {
    const add = () => {
      setValue(path, [newItem(path, node.item, [])]);
      focusField(joinPath(path, 0));
    };
    return <AbsentList {...props} itemLabel={itemLabel} onAdd={add} />;
  }
  return <ArrayItems {...props} itemLabel={itemLabel} />;
}

function ArrayItems(props: FieldProps<ArrayNode> & { itemLabel: string }) {
  const { node, path, label, required, actions, embedded, itemLabel } = props;
  const { control, getValues } = useFormContext();
  const { focusField, newItem } = useFormRuntime();
  const { fields, append, remove, insert, move } = useFieldArray({ control, name: path });
  const ids = fields.map((f) => f.id);
  const disclosure = useItemDisclosure(path, ids);
  const count = fields.length;
  const compact = isCompactNode(node.item);
  const mayBeCompact = compact || hasCompactOption(node.item);
  const itemPath = (index: number) => joinPath(path, index);
  const { addButton, removeAt: removeItem } = useRemoveKeepingFocus(remove, count, itemPath);

  const add = () => {
    append(newItem(path, node.item, (getValues(path) as unknown[] | undefined) ?? []), {
      shouldFocus: false,
    });
    focusField(itemPath(count));
  };
  const duplicate = (index: number) => {
    insert(index + 1, cloneJson(getValues(itemPath(index))), { shouldFocus: false });
    focusField(itemPath(index + 1));
  };

  const renderItem = (index: number) => {
    const title = `${itemLabel} ${index + 1}`;
    const itemActions = {
      title,
      onRemove: () => removeItem(index),
      onDuplicate: () => duplicate(index),
      onMoveUp: index > 0 ? () => move(index, index - 1) : undefined,
      onMoveDown: index < count - 1 ? () => move(index, index + 1) : undefined,
    };
    return (
      <ListItem
        node={node.item}
        path={itemPath(index)}
        compact={compact}
        open={disclosure.isOpen(index)}
        onToggle={() => disclosure.toggle(index)}
        {...itemActions}
      />
    );
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
      titleNote={`(${count})`}
    >
      <ItemList
        count={count}
        itemKey={(index) => ids[index] ?? String(index)}
        renderItem={renderItem}
        isOpen={(index) => compact || (!mayBeCompact && disclosure.isOpen(index))}
        reveal={disclosure.reveal}
      />
      <Box sx={{ mt: 0.5 }}>
        <Button
          ref={addButton}
          size="small"
          startIcon={<AddIcon />}
          onClick={add}
          disabled={node.maxItems !== undefined && count >= node.maxItems}
          sx={{ textTransform: 'none' }}
        >
          Add {itemLabel}
        </Button>
      </Box>
    </FieldSection>
  );
}

const hasCompactOption = (node: FieldNode) => {
  const n = resolveNode(node);
  return n.kind === 'union' && n.options.some(isCompactNode);
};

interface ListItemProps extends ItemActionsProps {
  node: FieldNode;
  path: string;
  compact: boolean;
  open: boolean;
  onToggle: () => void;
}

/**
 * One item: a row for a short value, a card otherwise. An item that may be either (a band given
 * by name or as an object) follows its current value.
 */
function ListItem({ node, path, compact, open, onToggle, ...actions }: ListItemProps) {
  const { ChildField } = useFormRuntime();
  const n = resolveNode(node);
  const branchCompact = useDerivedValue(path, (value) => {
    const option = n.kind === 'union' ? n.options[matchUnionOption(n, value)] : undefined;
    return option !== undefined && isCompactNode(option);
  });
  if (compact || branchCompact) {
    return (
      <ItemRow {...actions}>
        <ChildField node={node} path={path} label={actions.title} />
      </ItemRow>
    );
  }
  return (
    <ItemCard
      {...actions}
      summary={<ItemSummary node={node} path={path} />}
      path={path}
      open={open}
      onToggle={onToggle}
    >
      <ChildField node={node} path={path} label={actions.title} embedded />
    </ItemCard>
  );
}
