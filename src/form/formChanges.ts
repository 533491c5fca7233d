import type { Control, FieldValues } from 'react-hook-form';

// react-hook-form hands every `useWatch` and values `subscribe` listener a private deep copy of
// the whole form state whenever one of them is interested in a change: on a 300 kB item that is
// 4 ms per keystroke, a quarter of the frame budget. The form's own listeners instead read the
// live values at once (getValues) and listen to the change stream every watcher is fed from.
// With no values subscriber registered, react-hook-form copies nothing.

/** A change notice from react-hook-form: which field path changed (undefined: anything). */
export interface ValueChange {
  name: string | undefined;
}

/**
 * Calls `listener` after every change of form values (a user edit, setValue, a list operation,
 * reset), synchronously. Returns the unsubscribe function.
 */
export function subscribeToValueChanges<T extends FieldValues>(
  control: Control<T>,
  listener: (change: ValueChange) => void,
): () => void {
  const subscription = control._subjects.state.subscribe({
    next: (state) => {
      // Value changes carry a `values` member (undefined when nobody asked for a copy); the
      // other notices are about touched, dirty, errors or submit state.
      if ('values' in state) {
        listener({ name: state.name });
      }
    },
  });
  return () => subscription.unsubscribe();
}

/**
 * Whether a watcher of `watched` cares about a change at `changed`, as react-hook-form decides
 * for useWatch: exact watchers follow their own path and its ancestors (which replace it), the
 * others also every path below theirs.
 */
export function watchesChange(
  watched: string | readonly string[],
  changed: string | undefined,
  exact: boolean,
): boolean {
  if (changed === undefined) {
    return true;
  }
  const names = typeof watched === 'string' ? [watched] : watched;
  return names.some((name) =>
    exact
      ? name === changed || name.startsWith(`${changed}.`)
      : name.startsWith(changed) || changed.startsWith(name),
  );
}
