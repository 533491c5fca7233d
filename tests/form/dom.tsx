import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// The widgets the form loads lazily, loaded up front so their lazy() resolves at once in tests.
import '../../src/form/fields/ChipsField';
import '../../src/form/fields/OpenVocabularyField';
import '../../src/form/fields/VirtualItemList';

// Minimal DOM helpers for component tests without testing-library: render into jsdom, find
// controls the way a person (or Playwright's getByLabel/getByRole) would, and fire events.

(globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount: () => Promise<void>;
}

export async function render(ui: ReactNode, options: { settle?: boolean } = {}): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  if (options.settle !== false) {
    await settleLazy(container);
  }
  return {
    container,
    root,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/**
 * Waits until lazily loaded widgets (autocomplete fields, long lists, the class table) have
 * replaced their stand-ins: the markup stops changing across two short waits.
 */
export async function settleLazy(container: HTMLElement): Promise<void> {
  let stable = 0;
  for (let i = 0; i < 100 && stable < 2; i += 1) {
    const before = container.innerHTML;
    await act(() => new Promise((r) => setTimeout(r, 10)));
    stable = container.innerHTML === before ? stable + 1 : 0;
  }
}

/** Text a person reads: aria-hidden parts (MUI's " *" asterisk) left out. */
export function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
  return (clone.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

/** Accessible name, close enough for these tests (aria-label, aria-labelledby, label, text). */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) {
    return label;
  }
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/u)
      .map((id) => document.getElementById(id))
      .filter((e): e is HTMLElement => e !== null)
      .map(visibleText)
      .join(' ');
  }
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    return [...labels].map(visibleText).join(' ');
  }
  return visibleText(element);
}

const CONTROLS =
  'input:not([aria-hidden="true"]), textarea:not([aria-hidden="true"]), [role="combobox"]:not(input), select';

/** All form controls whose accessible name is `name` (exact). */
export function queryAllByLabel(scope: ParentNode, name: string): HTMLElement[] {
  return [...scope.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (e) => e.getAttribute('tabindex') !== '-1' && accessibleName(e) === name,
  );
}

export function getByLabel(scope: ParentNode, name: string): HTMLElement {
  const found = queryAllByLabel(scope, name);
  if (found.length !== 1) {
    const names = [...scope.querySelectorAll<HTMLElement>(CONTROLS)].map(accessibleName);
    throw new Error(
      `Expected one control labelled "${name}", found ${found.length}. Labels: ${names.join(' | ')}`,
    );
  }
  return found[0] as HTMLElement;
}

export function queryAllByRole(
  scope: ParentNode,
  role: string,
  name?: string | RegExp,
): HTMLElement[] {
  const implicit: Record<string, string> = {
    button: 'button, [role="button"]',
    group: '[role="group"], fieldset',
    option: '[role="option"]',
    link: 'a[href]',
    checkbox: 'input[type="checkbox"]',
  };
  const selector = implicit[role] ?? `[role="${role}"]`;
  return [...scope.querySelectorAll<HTMLElement>(selector)].filter((e) => {
    if (name === undefined) {
      return true;
    }
    const accessible = accessibleName(e);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

export function getByRole(scope: ParentNode, role: string, name?: string | RegExp): HTMLElement {
  const found = queryAllByRole(scope, role, name);
  if (found.length !== 1) {
    const names = queryAllByRole(scope, role).map(accessibleName);
    throw new Error(
      `Expected one ${role} named ${String(name)}, found ${found.length}. Names: ${names.join(' | ')}`,
    );
  }
  return found[0] as HTMLElement;
}

/** Types into an input the way React sees it (value setter + input event). */
export async function typeText(element: HTMLElement, text: string): Promise<void> {
  const proto =
    element instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  await act(async () => {
    element.focus();
    setter?.call(element, text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
}

export async function keyDown(element: HTMLElement, key: string): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

export async function blur(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.blur();
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

/** Opens a MUI select and picks the option with this text. */
export async function selectOption(combobox: HTMLElement, optionText: string): Promise<void> {
  await act(async () => {
    combobox.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
  });
  const option = queryAllByRole(document, 'option').find((o) => visibleText(o) === optionText);
  if (!option) {
    const texts = queryAllByRole(document, 'option').map(visibleText);
    throw new Error(`No option "${optionText}" (options: ${texts.join(', ')})`);
  }
  await click(option);
}

/** Lets pending timers (focus retries, MUI transitions) run. */
export async function settle(ms = 50): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}
