import { useState } from 'react';

import { useRevealItem } from '../formRuntime';
import { COLLAPSE_AFTER } from '../itemLayout';

/**
 * Which cards of a list are open. Long lists start collapsed; a card opens when a field inside
 * it is wanted (focus from an error, a new item), and a virtual list scrolls to it.
 */
export function useItemDisclosure(path: string, ids: readonly string[]) {
  const [defaultOpen] = useState(ids.length <= COLLAPSE_AFTER);
  const [open, setOpen] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [reveal, setReveal] = useState<{ index: number }>();
  const [pending, setPending] = useState<number>();
  useRevealItem(path, (index) => {
    setReveal({ index });
    setPending(index);
  });

  const isOpenId = (id: string) => open.get(id) ?? defaultOpen;
  // The item may render only now (it was appended a moment ago): open it once it exists.
  const pendingId = pending === undefined ? undefined : ids[pending];
  if (pendingId !== undefined) {
    setPending(undefined);
    if (!isOpenId(pendingId)) {
      setOpen(new Map(open).set(pendingId, true));
    }
  }

  return {
    reveal,
    isOpen(index: number): boolean {
      const id = ids[index];
      return id !== undefined && isOpenId(id);
    },
    toggle(index: number): void {
      const id = ids[index];
      if (id !== undefined) {
        setOpen(new Map(open).set(id, !isOpenId(id)));
      }
    },
  };
}
