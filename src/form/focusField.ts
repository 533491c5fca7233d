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

export function findFieldElement(root: ParentNode, path: string): HTMLElement | undefined {
  for (const element of root.querySelectorAll<HTMLElement>('[data-field-path]')) {
    if (element.dataset.fieldPath === path) {
      return element;
    }
  }
  return undefined;
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

/**
 * Focuses a field once it is rendered: a collapsed card opens or a virtual list scrolls to it
 * first, so this retries for a few frames. A path inside a field that shows its subtree as one
 * control (chips, JSON) focuses that field at once; after the retries the nearest parent wins.
 */
export function scheduleFocus(root: () => ParentNode | null, path: string, frames = 12): void {
  let left = frames;
  const attempt = () => {
    const container = root();
    if (!container) {
      return;
    }
    const nearest = nearestField(container, path);
    const isLeaf = nearest?.dataset.fieldLeaf !== undefined;
    if (nearest && (nearest.dataset.fieldPath === path || isLeaf || left <= 1)) {
      focusFieldElement(container, nearest.dataset.fieldPath ?? path);
      return;
    }
    left -= 1;
    if (left > 0) {
      setTimeout(attempt, 16);
    }
  };
  setTimeout(attempt, 0);
}
