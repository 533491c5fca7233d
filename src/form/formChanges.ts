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

/**
 * Recognises react-hook-form's echoes. After a change inside a list managed by useFieldArray
 * (`outputs.0.classes.3.name`) it sends one more notice for each list item on the way
 * (`outputs.0`), although nothing else changed: for a keystroke in one class of a thousand,
 * decoding that item again cost more than the rest of the change. An echo arrives in the same
 * task as the change, names an item above it, and finds that item the very object it was
 * (setValue on the item itself replaces the object, so a real change is never taken for one).
 * Returns `isEcho(name)`, to be called for every notice in order.
 */
export function createEchoFilter(read: (path: string) => unknown): (name: string) => boolean {
  let expected: { path: string; value: unknown }[] = [];
  let clearing = false;
  return (name) => {
    const index = expected.findIndex((e) => e.path === name);
    if (index >= 0) {
      const echo = expected[index] as { path: string; value: unknown };
      expected.splice(index, 1);
      if (typeof echo.value === 'object' && echo.value !== null && read(name) === echo.value) {
        return true;
      }
    }
    expected = itemPathsAbove(name).map((path) => ({ path, value: read(path) }));
    if (expected.length > 0 && !clearing) {
      clearing = true;
      queueMicrotask(() => {
        expected = [];
        clearing = false;
      });
    }
    return false;
  };
}

/** `a.0.b.3.c` → [`a.0`, `a.0.b.3`]: the list items a path lies in, outermost first. */
function itemPathsAbove(name: string): string[] {
  const segments = name.split('.');
  const paths: string[] = [];
  for (let i = 1; i < segments.length - 1; i += 1) {
    if (/^\d+$/u.test(segments[i] as string)) {
      paths.push(segments.slice(0, i + 1).join('.'));
    }
  }
  return paths;
}
