import type { ReactNode } from 'react';

import type { ResolvedNode } from './fieldNode';

/** What every widget receives; custom widgets registered with registerWidget get the same. */
export interface FieldProps<N extends ResolvedNode = ResolvedNode> {
  node: N;
  /** react-hook-form field path of the value. */
  path: string;
  /** Label to show (the node label, or e.g. "Band 2" for a list item). */
  label: string;
  /** A required member of an object: mark the label with an asterisk. */
  required: boolean;
  /** Remove button and null toggle, for the widget to place beside its input or title. */
  actions?: ReactNode;
  /** The parent already shows the title (a card header): render the body only. */
  embedded?: boolean;
}
