import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { Fragment, lazy, type ReactNode, Suspense } from 'react';

import { LIST_HEIGHT, VIRTUALIZE_AFTER } from '../itemLayout';

// The virtualizer loads with the first long list: short lists, the usual case, never need it.
const VirtualItemList = lazy(() =>
  import('./VirtualItemList').then((m) => ({ default: m.VirtualItemList })),
);

export interface ItemListProps {
  count: number;
  itemKey: (index: number) => string;
  renderItem: (index: number) => ReactNode;
  /** Whether an item is expanded, for the size estimate of items not yet measured. */
  isOpen: (index: number) => boolean;
  /** Scroll this item into view (a new object each time, so the same index can be asked again). */
  reveal?: { index: number };
}

/** The items of a list or record; long lists render only what is visible. */
export function ItemList(props: ItemListProps) {
  if (props.count > VIRTUALIZE_AFTER) {
    return (
      <Suspense fallback={<Box sx={{ height: LIST_HEIGHT }} aria-busy="true" />}>
        <VirtualItemList {...props} />
      </Suspense>
    );
  }
  const { count, itemKey, renderItem } = props;
  return (
    <Stack spacing={1}>
      {Array.from({ length: count }, (_, index) => (
        <Fragment key={itemKey(index)}>{renderItem(index)}</Fragment>
      ))}
    </Stack>
  );
}
