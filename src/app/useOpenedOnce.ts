import { useState } from 'react';

/**
 * True from the first time `open` is true. A dialog that loads lazily mounts then and stays
 * mounted, so it still animates closed and its code is not fetched before anyone needs it.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) {
    // Setting state while rendering is React's documented way to derive from a changed prop.
    setOpened(true);
  }
  return opened || open;
}
