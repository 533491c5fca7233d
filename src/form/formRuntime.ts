import type { ComponentType } from 'react';
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';

import type { ErrorStore, FormErrors } from './errorStore';
import { createErrorStore } from './errorStore';
import type { FieldNode } from './fieldNode';
import { scheduleFocus } from './focusField';
import { initialEntryValue, initialItemValue } from './initialValue';

/**
 * Default values for new list items, by the list's field path (e.g. a new "input" with a usable
 * shape). Return undefined to use the value built from the schema.
 */
export type NewItemFactory = (listPath: string, items: readonly unknown[]) => unknown;

export interface RecordEntry {
  key: string;
  value: unknown;
}

/** Like NewItemFactory, for records (entries are `{ key, value }` in form state). */
export type NewEntryFactory = (
  recordPath: string,
  entries: readonly unknown[],
) => RecordEntry | undefined;

/** Props of the component that renders a nested field (an object member, a list item…). */
export interface ChildFieldProps {
  node: FieldNode;
  path: string;
  /** Member of an object: false adds the optional-field chrome ("Add …", remove). */
  required?: boolean;
  /** Overrides the node label, e.g. "Band 2" for a list item. */
  label?: string;
  /** The parent already shows the title (a card header): render the body only. */
  embedded?: boolean;
}

function createEmitter<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    emit: (value: T) => listeners.forEach((listener) => listener(value)),
    subscribe: (listener: (value: T) => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Everything the fields share besides react-hook-form's own context; one per SchemaForm. */
export function createFormRuntime(options: {
  tree: FieldNode;
  errors?: FormErrors;
  marks?: FormErrors;
  ChildField: ComponentType<ChildFieldProps>;
  root: () => ParentNode | null;
  newItem?: NewItemFactory | undefined;
  newEntry?: NewEntryFactory | undefined;
}) {
  const reveal = createEmitter<string>();
  /** The field focusField is still trying to reach. */
  let seeking: string | undefined;
  const epochChanged = createEmitter<void>();
  let epoch = 0;
  return {
    tree: options.tree,
    errors: createErrorStore(options.errors),
    /** Short labels shown on fields (e.g. where a value came from); kept by path like errors. */
    marks: createErrorStore(options.marks),
    ChildField: options.ChildField,
    /** The value a list starts a new item with: the app's default, else one built from the node. */
    newItem: (listPath: string, node: FieldNode, items: readonly unknown[]): unknown =>
      options.newItem?.(listPath, items) ?? initialItemValue(node),
    /** The key and value a record starts a new entry with. */
    newEntry: (recordPath: string, node: FieldNode, entries: readonly unknown[]): RecordEntry =>
      options.newEntry?.(recordPath, entries) ?? { key: '', value: initialEntryValue(node) },
    /**
     * Asks containers on the way to a field to show it (open a card, scroll a long list). A part
     * that mounts while a field is still being sought (a lazily loaded widget, a section built
     * late) hears about it at once, so it can still open or scroll to it.
     */
    subscribeReveal(listener: (path: string) => void): () => void {
      const unsubscribe = reveal.subscribe(listener);
      if (seeking !== undefined) {
        listener(seeking);
      }
      return unsubscribe;
    },
    focusField(path: string): void {
      seeking = path;
      reveal.emit(path);
      scheduleFocus(options.root, path, () => {
        if (seeking === path) {
          seeking = undefined;
        }
      });
    },
    /** Counts form resets, so fields can drop UI state that described the old values. */
    resetEpoch: {
      get: () => epoch,
      subscribe: (listener: () => void) => epochChanged.subscribe(listener),
      bump: () => {
        epoch += 1;
        epochChanged.emit();
      },
    },
  };
}

export type FormRuntime = ReturnType<typeof createFormRuntime>;
export type { ErrorStore };

export const FormRuntimeContext = createContext<FormRuntime | null>(null);

export function useFormRuntime(): FormRuntime {
  const runtime = useContext(FormRuntimeContext);
  if (!runtime) {
    throw new Error('Schema fields must be rendered inside <SchemaForm>.');
  }
  return runtime;
}

/**
 * The external error messages of one field; re-renders only when they change. A widget that
 * renders its whole subtree as one control (chips, JSON, a custom table) passes
 * `withDescendants` to show the messages about its items too.
 */
export function useFieldErrors(
  path: string,
  options: { withDescendants?: boolean } = {},
): readonly string[] {
  const { errors } = useFormRuntime();
  const below = options.withDescendants === true;
  return useSyncExternalStore(
    below ? errors.subscribeAll : (listener) => errors.subscribe(path, listener),
    () => (below ? errors.getWithDescendants(path) : errors.get(path)),
  );
}

/** The marks of one field (see SchemaForm's `marks`); re-renders only when they change. */
export function useFieldMarks(path: string): readonly string[] {
  const { marks } = useFormRuntime();
  return useSyncExternalStore(
    (listener) => marks.subscribe(path, listener),
    () => marks.get(path),
  );
}

/** How many messages there are at and below a path (for a collapsed card). */
export function useErrorCount(path: string): number {
  const { errors } = useFormRuntime();
  return useSyncExternalStore(errors.subscribeAll, () => errors.countUnder(path));
}

export function useResetEpoch(): number {
  const { resetEpoch } = useFormRuntime();
  return useSyncExternalStore(resetEpoch.subscribe, resetEpoch.get);
}

/** Calls `onReveal(index)` when a field inside item `index` of the list at `path` is wanted. */
export function useRevealItem(path: string, onReveal: (index: number) => void): void {
  const { subscribeReveal } = useFormRuntime();
  const callback = useRef(onReveal);
  useEffect(() => {
    callback.current = onReveal;
  });
  useEffect(
    () =>
      subscribeReveal((target) => {
        const prefix = path === '' ? '' : `${path}.`;
        if (!target.startsWith(prefix)) {
          return;
        }
        const index = Number(target.slice(prefix.length).split('.')[0]);
        if (Number.isInteger(index)) {
          callback.current(index);
        }
      }),
    [path, subscribeReveal],
  );
}
