import Typography from '@mui/material/Typography';
import { memo } from 'react';
import { useFormContext } from 'react-hook-form';

import { resolveNode } from './fieldNode';
import { locateFieldPath } from './fieldPath';
import { useFormRuntime } from './formRuntime';
import { resolveWidget } from './registry';
import { useFormWatch } from './useFormWatch';

export interface SchemaFieldProps {
  /** react-hook-form path of the field, e.g. "properties.mlm:name" or "assets.0.value". */
  path: string;
  /** Overrides the label from the schema. */
  label?: string;
  /** Render the body only (the caller shows the title). */
  embedded?: boolean;
}

// Memoized: the app re-renders its layout on every change (it keeps the document); a section's
// SchemaField then skips rendering unless its own props change.
/**
 * Renders the field at a path, so the app can lay out sections from any part of the tree. The
 * node is found through array items, record values and the union branches of the current value.
 */
export const SchemaField = memo(function SchemaField({ path, label, embedded }: SchemaFieldProps) {
  const { tree, ChildField } = useFormRuntime();
  const { getValues } = useFormContext();
  const valueAt = (p: string): unknown => (p === '' ? getValues() : getValues(p));
  const location = locateFieldPath(tree, path, valueAt);
  // Subscribes to the unions on the way only: this re-renders when one of them switches branch
  // (the node found depends on it), not on every edit below.
  useFormWatch(location?.unionPaths ?? [], {
    compute: () => locateFieldPath(tree, path, valueAt)?.branches.join(',') ?? 'none',
  });

  if (!location) {
    return (
      <Typography color="error" variant="body2">
        [SchemaField] No field at “{path}”.
      </Typography>
    );
  }
  if (path === '') {
    const root = resolveNode(location.node);
    const Root = resolveWidget(root).component;
    return (
      <Root node={root} path="" label={label ?? root.label} required={false} embedded={embedded} />
    );
  }
  return (
    <ChildField
      node={location.node}
      path={path}
      required={location.required}
      label={label}
      embedded={embedded}
    />
  );
});
