import type { Finding } from '../../schemas/finding';

/**
 * True when two finding lists would show the same diagnostics. Validation often hands back a new
 * array with the same content (or the caller builds one each render); re-linting a large
 * document for that on every keystroke is wasted work.
 */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) {
    return true;
  }
  if (a.length !== b.length) {
    return false;
  }
  return a.every((x, i) => {
    const y = b[i];
    return (
      y !== undefined &&
      (x === y ||
        (x.severity === y.severity &&
          x.code === y.code &&
          x.path === y.path &&
          x.message === y.message))
    );
  });
}
