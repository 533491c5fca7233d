import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, type ReactNode, useEffect, useRef } from 'react';

import { VIRTUALIZE_AFTER } from '../itemLayout';
import { measureFromObserver, observeFixedBox, scrollUnlessFresh } from '../layoutFreeVirtualizer';

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
    return <VirtualItemList {...props} />;
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

const LIST_HEIGHT = 640;
const OPEN_ESTIMATE = 360;
const CLOSED_ESTIMATE = 48;
const GAP = 8;

function VirtualItemList({ count, itemKey, renderItem, isOpen, reveal }: ItemListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const estimateSize = (index: number) => (isOpen(index) ? OPEN_ESTIMATE : CLOSED_ESTIMATE) + GAP;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey: itemKey,
    overscan: 3,
    // The box's CSS height is fixed, and items keep their estimates until measured: no forced
    // layouts while a long list mounts (see layoutFreeVirtualizer.ts).
    observeElementRect: observeFixedBox(LIST_HEIGHT),
    measureElement: measureFromObserver(estimateSize),
    scrollToFn: scrollUnlessFresh,
  });

  useEffect(() => {
    if (reveal && reveal.index < count) {
      virtualizer.scrollToIndex(reveal.index, { align: 'start' });
    }
  }, [reveal, count, virtualizer]);

  return (
    <Box ref={scrollRef} sx={{ height: LIST_HEIGHT, overflow: 'auto', pr: 0.5, pt: 1 }}>
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <Box
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            sx={{ position: 'absolute', top: 0, left: 0, width: '100%', pb: `${GAP}px` }}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {renderItem(item.index)}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
