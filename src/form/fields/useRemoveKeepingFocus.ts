import { useRef } from 'react';

import { useFormRuntime } from '../formRuntime';

/**
 * Removal for lists and records that keeps keyboard focus in the list: the removed item's button
 * goes with it, so focus moves to the item now in its place (or the one before it), or to the
 * "Add" button when none is left, instead of falling back to the top of the page.
 *
 * @param focusPathOf the field to focus for the item at an index.
 */
export function useRemoveKeepingFocus(
  remove: (index: number) => void,
  count: number,
  focusPathOf: (index: number) => string,
) {
  const { focusField } = useFormRuntime();
  const addButton = useRef<HTMLButtonElement>(null);
  const removeAt = (index: number) => {
    remove(index);
    if (count > 1) {
      focusField(focusPathOf(Math.min(index, count - 2)));
    } else {
      addButton.current?.focus();
    }
  };
  return { addButton, removeAt };
}
