// Clipboard access for "Copy JSON". The async Clipboard API needs a secure context and focus; the
// textarea + execCommand('copy') path still works on plain http and in some embedded browsers.

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Copies through a temporary off-screen textarea; true when the browser reports success. */
function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off screen but selectable; fixed so that selecting it does not scroll the page.
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  area.style.opacity = '0';
  const previousFocus = document.activeElement;
  document.body.append(area);
  try {
    area.focus({ preventScroll: true });
    area.select();
    area.setSelectionRange(0, text.length);
    return document.execCommand('copy');
  } finally {
    area.remove();
    if (previousFocus instanceof HTMLElement) {
      previousFocus.focus();
    }
  }
}

/**
 * Puts `text` on the clipboard. Tries `navigator.clipboard.writeText` first and falls back to a
 * textarea with `execCommand('copy')`; rejects with an Error saying why when both fail.
 */
export async function copyText(text: string): Promise<void> {
  let firstFailure = 'the Clipboard API is not available here';
  if (typeof navigator !== 'undefined' && typeof navigator.clipboard?.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch (error) {
      firstFailure = `the Clipboard API refused (${describe(error)})`;
    }
  }
  let fallback = 'there is no page to copy from';
  try {
    if (typeof document !== 'undefined') {
      if (copyWithTextarea(text)) {
        return;
      }
      fallback = 'the browser refused to copy';
    }
  } catch (error) {
    fallback = describe(error);
  }
  throw new Error(
    `Could not copy to the clipboard: ${firstFailure}, and the fallback failed too (${fallback}). Select the text and press Ctrl+C (⌘C on a Mac) instead.`,
  );
}
