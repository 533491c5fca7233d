import { itemFileName, serializeItem } from './serializeItem';

// The only module that touches Blob and object URLs: everything before it (serializeItem) is pure.

/**
 * How long the object URL stays alive after the click. Chromium starts the download
 * asynchronously, so revoking at once can cancel it; this is the delay browser-fs-access uses.
 */
export const REVOKE_DELAY_MS = 30_000;

/**
 * Saves `text` as a file through the browser's download mechanism (an `<a download>` click).
 * The object URL is revoked after {@link REVOKE_DELAY_MS}.
 */
export function downloadText(text: string, fileName: string, mime = 'application/json'): void {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  // Firefox ignores clicks on links that are not in the document.
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}

/** Saves the item as `<id>.json`, formatted by {@link serializeItem}. */
export function downloadItem(item: unknown): void {
  downloadText(serializeItem(item), itemFileName(item));
}
