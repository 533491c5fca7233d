import { useCallback } from 'react';
import { useFormContext } from 'react-hook-form';

import { useFormWatch } from './useFormWatch';

/**
 * A field's value and its setter, subscribed to this path only (and to its ancestors, which
 * replace it when a list item moves or a union switches branch).
 *
 * Not useController: it falls back to the value the field had when it mounted whenever the
 * value becomes undefined, and undefined means "absent" here (an emptied number field).
 */
export function useFieldValue(path: string): [unknown, (value: unknown) => void] {
  const { setValue } = useFormContext();
  const value: unknown = useFormWatch(path, { exact: true });
  const set = useCallback((next: unknown) => setValue(path, next), [path, setValue]);
  return [value, set];
}

/**
 * `derive(value at path)`, re-rendering only when the result changes (typing inside a list
 * does not re-render the list). Derived in render as well: the watch keeps the result from the
 * last change, which is stale when `derive` itself changed (a union showing another branch
 * renders the same component with another node).
 */
export function useDerivedValue<T>(path: string, derive: (value: unknown) => T): T {
  const { getValues } = useFormContext();
  useFormWatch(path, { compute: derive });
  return derive(getValues(path));
}
