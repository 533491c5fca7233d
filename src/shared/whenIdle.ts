/**
 * Runs `callback` when the browser is next idle, or after `timeoutMs` at the latest; returns a
 * cancel function. Work that can wait (building what is below the fold, loading the validator)
 * goes here, so the page answers input first. Without requestIdleCallback (node tests, Safari), a
 * task after the current one.
 */
export function whenIdle(callback: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
}
