import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useFormContext } from 'react-hook-form';

import { subscribeToValueChanges, watchesChange } from './formChanges';
import { jsonEqual } from './jsonValue';

export interface FormWatchOptions<T> {
  /** Follow the path and its ancestors only, not changes below it. */
  exact?: boolean;
  /** Derives what the component needs; it re-renders only when the result changes (by value). */
  compute?: (value: unknown) => T;
}

/**
 * The value at a field path (or the values at several), re-rendering when it changes. Like
 * react-hook-form's useWatch, without the copy of the whole form it makes on every change (see
 * formChanges.ts). Without `compute`, an object re-renders when it is replaced, which is what a
 * change at its path or above does; watch below it with `compute`.
 */
export function useFormWatch<T = unknown>(
  name: string | readonly string[],
  { exact = false, compute }: FormWatchOptions<T> = {},
): T {
  const { control, getValues } = useFormContext();
  // Callers pass a new array (and a new compute function) on every render: key by content.
  const key = typeof name === 'string' ? name : JSON.stringify(name);
  const latest = useRef({ name, compute });
  latest.current = { name, compute };

  const read = useCallback((): T => {
    const { name: names, compute: derive } = latest.current;
    const raw: unknown =
      typeof names === 'string' ? getValues(names) : names.map((n) => getValues(n));
    return derive ? derive(raw) : (raw as T);
  }, [getValues]);

  const snapshot = useRef<{ key: string; value: T } | undefined>(undefined);
  if (snapshot.current?.key !== key) {
    snapshot.current = { key, value: read() };
  }
  const subscribe = useCallback(
    (notify: () => void) => {
      /** Takes a fresh value; true when it differs from the last one. */
      const refresh = (): boolean => {
        const previous = snapshot.current;
        const value = read();
        const same =
          previous !== undefined &&
          (latest.current.compute
            ? jsonEqual(previous.value, value)
            : Object.is(previous.value, value));
        if (!same) {
          snapshot.current = { key, value };
        }
        return !same;
      };
      // A change between render and this subscription would be missed: React compares the
      // snapshot again once subscribed.
      refresh();
      return subscribeToValueChanges(control, ({ name: changed }) => {
        if (watchesChange(latest.current.name, changed, exact) && refresh()) {
          notify();
        }
      });
    },
    [control, exact, read, key],
  );
  return useSyncExternalStore(subscribe, () => (snapshot.current as { value: T }).value);
}
