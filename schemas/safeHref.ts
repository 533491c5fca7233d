// Item data is untrusted: a link or asset href may say "javascript:alert(1)" (or hide that behind
// tabs, newlines, upper case or leading spaces, which browsers ignore). Anything rendered as a
// clickable link goes through safeHref first; what it refuses is shown as text only.

/** What relative URLs are resolved against here; only their scheme matters, which is https. */
const BASE = 'https://base.invalid/';
const WEB = new Set(['http:', 'https:']);

/**
 * `value` when it is a web address a link may point to: an http(s) URL, or a relative one (which
 * stays on the page's own http(s) origin). Undefined for anything else (javascript:, data:,
 * vbscript:, file:, blank text, non-strings): render such a value as plain text, never as href.
 * The check is the browser's own URL parser, so spellings it normalises cannot slip through.
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  return WEB.has(url.protocol) ? value : undefined;
}
