import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMemo } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';

import type { FieldNode, RecordNode } from '../fieldNode';
import { joinPath, recordKeyNode } from '../fieldPath';
import type { FieldProps } from '../fieldProps';
import { useFormRuntime } from '../formRuntime';
import { isCompactNode } from '../itemLayout';
import { duplicateKeyIndexes } from '../recordKeys';
import { useDerivedValue } from '../useFieldValue';
import { AbsentList } from './AbsentList';
import { FieldSection } from './FieldSection';
import { AddIcon } from './icons';
import { ItemCard } from './ItemCard';
import { ItemList } from './ItemList';
import { ItemRow } from './ItemRow';
import { ItemSummary } from './ItemSummary';
import { RecordKeyField } from './RecordKeyField';
import { useItemDisclosure } from './useItemDisclosure';
import { useRemoveKeepingFocus } from './useRemoveKeepingFocus';
import { useFormWatch } from '../useFormWatch';

/**
 * An object with free keys, edited as key/value rows (cards for object values). The entries
 * keep their order, so renaming a key leaves it where it was.
 */
export function RecordField(props: FieldProps<RecordNode>) {
  const { node, path } = props;
  const { setValue } = useFormContext();
  const { focusField, newEntry } = useFormRuntime();
  const present = useDerivedValue(path, (value) => value !== undefined);
  if (!present) {
    const add = () => {
      setValue(path, [newEntry(path, node.value, [])]);
      focusField(joinPath(joinPath(path, 0), 'key'));
    };
    return <AbsentList {...props} itemLabel={node.entryLabel} onAdd={add} />;
  }
  return <RecordEntries {...props} />;
}

function RecordEntries({ node, path, label, required, actions, embedded }: FieldProps<RecordNode>) {
  const { control, getValues } = useFormContext();
  const { focusField, newEntry } = useFormRuntime();
  const { fields, append, remove } = useFieldArray({ control, name: path });
  const ids = fields.map((f) => f.id);
  const disclosure = useItemDisclosure(path, ids);
  const count = fields.length;
  // A string, so typing in a value (which changes nothing here) does not re-render the rows.
  const duplicateList = useFormWatch(path, {
    compute: (entries: unknown) => duplicateKeyIndexes(entries).join(','),
  });
  const duplicates = useMemo(
    () => new Set(duplicateList.split(',').filter(Boolean).map(Number)),
    [duplicateList],
  );
  const compact = isCompactNode(node.value);
  const { addButton, removeAt: removeEntry } = useRemoveKeepingFocus(remove, count, (index) =>
    joinPath(joinPath(path, index), 'key'),
  );

  const add = () => {
    append(newEntry(path, node.value, (getValues(path) as unknown[] | undefined) ?? []), {
      shouldFocus: false,
    });
    focusField(joinPath(joinPath(path, count), 'key'));
  };

  const renderItem = (index: number) => {
    const entryPath = joinPath(path, index);
    const title = `${node.entryLabel} ${index + 1}`;
    const keyField = (
      <RecordKeyField
        node={node}
        path={joinPath(entryPath, 'key')}
        duplicate={duplicates.has(index)}
      />
    );
    if (compact) {
      return (
        <ItemRow title={title} onRemove={() => removeEntry(index)}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
            <Box sx={{ flex: '0 0 35%', minWidth: 0 }}>{keyField}</Box>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <EntryValue node={node.value} path={entryPath} />
            </Box>
          </Stack>
        </ItemRow>
      );
    }
    return (
      <ItemCard
        title={title}
        onRemove={() => removeEntry(index)}
        summary={<ItemSummary node={recordKeyNode(node)} path={joinPath(entryPath, 'key')} />}
        path={entryPath}
        open={disclosure.isOpen(index)}
        onToggle={() => disclosure.toggle(index)}
      >
        <Stack spacing={1.5}>
          {keyField}
          <EntryValue node={node.value} path={entryPath} embedded />
        </Stack>
      </ItemCard>
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
        isOpen={(index) => compact || disclosure.isOpen(index)}
        reveal={disclosure.reveal}
      />
      <Box sx={{ mt: 0.5 }}>
        <Button
          ref={addButton}
          size="small"
          startIcon={<AddIcon />}
          onClick={add}
          sx={{ textTransform: 'none' }}
        >
          Add {node.entryLabel}
        </Button>
      </Box>
    </FieldSection>
  );
}

/** An entry's value, labelled with its key ("learning_rate") so the label names the value. */
function EntryValue({
  node,
  path,
  embedded,
}: {
  node: FieldNode;
  path: string;
  embedded?: boolean;
}) {
  const { ChildField } = useFormRuntime();
  const key: unknown = useFormWatch(joinPath(path, 'key'));
  const label = typeof key === 'string' && key !== '' ? key : 'Value';
  return (
    <ChildField node={node} path={joinPath(path, 'value')} label={label} embedded={embedded} />
  );
}
