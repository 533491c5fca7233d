import { splitPath } from './fieldPath';

// Focus by field path through the DOM: every rendered field is wrapped in an element with
// `data-field-path` (and `data-field-leaf` when nothing is rendered below it), which also
// covers containers and "Add …" buttons that react-hook-form's setFocus cannot reach.

const FOCUSABLE = [
  'input:not([type="hidden"]):not([tabindex="-1"]):not([aria-hidden="true"])',
  'textarea:not([aria-hidden="true"])',
  '[role="combobox"]:not(input)',
  'button:not([disabled])',
  '[tabindex="0"]',
].join(', ');

/** `value` as a CSS string body: quotes and backslashes escaped, line breaks as code points. */
function cssString(value: string): string {
  return value.replace(/["\\\n\r\f]/gu, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\${c.charCodeAt(0).toString(16)} `,
  );
}

export function findFieldElement(root: ParentNode, path: string): HTMLElement | undefined {
  return root.querySelector<HTMLElement>(`[data-field-path="${cssString(path)}"]`) ?? undefined;
}

/** Focuses the first control of a field; false when the field is not rendered. */
export function focusFieldElement(root: ParentNode, path: string): boolean {
  const element = findFieldElement(root, path);
  const target = element?.querySelector<HTMLElement>(FOCUSABLE);
  if (!element || !target) {
    return false;
  }
  target.focus();
  element.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** The nearest rendered field at or above `path`. */
function nearestField(root: ParentNode, path: string): HTMLElement | undefined {
  const segments = splitPath(path);
  for (let end = segments.length; end > 0; end -= 1) {
    const element = findFieldElement(root, segments.slice(0, end).join('.'));
    if (element) {
      return element;
    }
  }
  return undefined;
}

/** How long focus waits for a field to be rendered (lazily loaded widgets, late sections). */
const PATIENCE_MS = 1500;
const RETRY_MS = 16;

/**
 * Focuses a field once it is rendered: a collapsed card opens, a section is built, a widget
 * loads or a virtual list scrolls to it first, so this retries for a while. A path inside a
 * field that shows its subtree as one control (chips, JSON) focuses that field at once; when
 * time runs out the nearest parent wins. `done` is called once, either way.
 */
export function scheduleFocus(
  root: () => ParentNode | null,
  path: string,
  done: () => void = () => undefined,
): void {
  const deadline = Date.now() + PATIENCE_MS;
  const attempt = () => {
    const container = root();
    if (!container) {
      done();
      return;
    }
    const nearest = nearestField(container, path);
    const reached =
      nearest !== undefined &&
      (nearest.dataset.fieldPath === path || nearest.dataset.fieldLeaf !== undefined);
    if (!reached && Date.now() < deadline) {
      setTimeout(attempt, RETRY_MS);
      return;
    }
    if (nearest) {
      focusFieldElement(container, nearest.dataset.fieldPath ?? path);
    }
    done();
  };
  setTimeout(attempt, 0);
}
