import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

import type { ArrayNode, RecordNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { FieldSection } from './FieldSection';
import { AddIcon } from './icons';

interface AbsentListProps extends FieldProps<ArrayNode | RecordNode> {
  itemLabel: string;
  onAdd: () => void;
}

/**
 * A required list or record the document leaves out. useFieldArray would write an empty one
 * on mount, changing the document by merely showing it; this waits for the first "Add".
 */
export function AbsentList({
  node,
  path,
  label,
  required,
  actions,
  embedded,
  itemLabel,
  onAdd,
}: AbsentListProps) {
  return (
    <FieldSection
      path={path}
      label={label}
      required={required}
      help={node.help}
      spec={node.spec}
      actions={actions}
      embedded={embedded}
      titleNote="(none)"
    >
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={onAdd} sx={{ textTransform: 'none' }}>
          Add {itemLabel}
        </Button>
      </Box>
    </FieldSection>
  );
}
