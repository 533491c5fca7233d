/** Error messages by react-hook-form field path, computed by the app's own validator. */
export type FormErrors = Readonly<Record<string, readonly string[]>>;

const NONE: readonly string[] = [];

const sameMessages = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? NONE).length === (b ?? NONE).length && (a ?? NONE).every((m, i) => m === b?.[i]);

/** Where below a field a message points: "Item 2", "Item 701 › description", "x". */
function describeRelative(relative: string): string {
  return relative
    .split('.')
    .map((segment, i) =>
      /^\d+$/u.test(segment) ? `${i === 0 ? 'Item' : 'item'} ${Number(segment) + 1}` : segment,
    )
    .join(' › ');
}

/**
 * Holds the errors outside React state so a new errors object re-renders only the fields whose
 * messages changed, not the whole form.
 */
export function createErrorStore(initial: FormErrors = {}) {
  let errors: FormErrors = initial;
  let version = 0;
  const belowCache = new Map<string, { version: number; messages: readonly string[] }>();
  const byPath = new Map<string, Set<() => void>>();
  const anyChange = new Set<() => void>();

  const subscribeTo = (set: Set<() => void>, listener: () => void) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  return {
    get(path: string): readonly string[] {
      return errors[path] ?? NONE;
    },
    /**
     * Messages at `path` and at paths inside it, for a widget that renders its whole subtree as
     * one control (chips, JSON): "Item 2: Must be -1 or more." for `shape.1`.
     */
    getWithDescendants(path: string): readonly string[] {
      const cached = belowCache.get(path);
      if (cached?.version === version) {
        return cached.messages;
      }
      const prefix = `${path}.`;
      const found: string[] = [...(errors[path] ?? NONE)];
      for (const [key, messages] of Object.entries(errors)) {
        if (key.startsWith(prefix)) {
          const where = describeRelative(key.slice(prefix.length));
          found.push(...messages.map((m) => `${where}: ${m}`));
        }
      }
      const messages = cached && sameMessages(cached.messages, found) ? cached.messages : found;
      belowCache.set(path, { version, messages });
      return messages;
    },
    /** Messages at `path` and below it (for a collapsed card's badge). */
    countUnder(path: string): number {
      let count = 0;
      for (const [key, messages] of Object.entries(errors)) {
        if (path === '' || key === path || key.startsWith(`${path}.`)) {
          count += messages.length;
        }
      }
      return count;
    },
    subscribe(path: string, listener: () => void): () => void {
      let set = byPath.get(path);
      if (!set) {
        set = new Set();
        byPath.set(path, set);
      }
      return subscribeTo(set, listener);
    },
    subscribeAll(listener: () => void): () => void {
      return subscribeTo(anyChange, listener);
    },
    set(next: FormErrors): void {
      const changed = new Set<string>();
      const kept: Record<string, readonly string[]> = {};
      for (const [path, messages] of Object.entries(next)) {
        if (messages.length === 0) {
          continue;
        }
        // Unchanged messages keep their array, so subscribers see the same snapshot.
        const previous = errors[path];
        kept[path] = previous && sameMessages(previous, messages) ? previous : messages;
        if (kept[path] !== previous) {
          changed.add(path);
        }
      }
      for (const path of Object.keys(errors)) {
        if (!(path in kept)) {
          changed.add(path);
        }
      }
      errors = kept;
      if (changed.size === 0) {
        return;
      }
      version += 1;
      changed.forEach((path) => byPath.get(path)?.forEach((listener) => listener()));
      anyChange.forEach((listener) => listener());
    },
  };
}

export type ErrorStore = ReturnType<typeof createErrorStore>;
