import type { ReactNode } from 'react';

// Secondary controls (spec link, remove, null toggle) are named by hidden text rather than
// aria-label: Playwright's getByLabel('Model name') matches every aria-label containing the
// words, and only the input should answer to the field's label.
const HIDDEN = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: 1,
  margin: -1,
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: 1,
} as const;

/** Text for screen readers and accessible names only. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={HIDDEN}>{children}</span>;
}
