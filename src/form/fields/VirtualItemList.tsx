import Box from '@mui/material/Box';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';

import { LIST_HEIGHT } from '../itemLayout';
import { measureFromObserver, observeFixedBox, scrollUnlessFresh } from '../layoutFreeVirtualizer';
import type { ItemListProps } from './ItemList';

const OPEN_ESTIMATE = 360;
const CLOSED_ESTIMATE = 48;
const GAP = 8;

/** A long list of items: only those in view (and a few around) are rendered. */
export function VirtualItemList({ count, itemKey, renderItem, isOpen, reveal }: ItemListProps) {
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
