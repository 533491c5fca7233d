import Link from '@mui/material/Link';
import type { ReactNode } from 'react';

import { VisuallyHidden } from './VisuallyHidden';

interface FieldHelpTextProps {
  label: string;
  help?: string;
  spec?: string;
  /** External messages; they replace the help text. */
  errors?: readonly string[];
  /** A message from the widget itself (text that is not a number…), shown first. */
  localError?: string;
  /** Extra words after the help, e.g. "≈ 12.3 MB". */
  note?: ReactNode;
}

/** Helper text of a field: its errors or its help, then a link to the specification. */
export function FieldHelpText({
  label,
  help,
  spec,
  errors = [],
  localError,
  note,
}: FieldHelpTextProps) {
  const messages = localError ? [localError, ...errors] : errors;
  const text = messages.length > 0 ? messages.join(' ') : help;
  if (!text && !spec && !note) {
    return null;
  }
  return (
    <>
      {text}
      {note && messages.length === 0 && <> {note}</>}
      {spec && (
        <>
          {' '}
          <Link href={spec} target="_blank" rel="noopener noreferrer">
            <VisuallyHidden>Specification for {label}</VisuallyHidden>
            <span aria-hidden="true">spec</span>
          </Link>
        </>
      )}
    </>
  );
}

/** Whether FieldHelpText would render anything (MUI reserves space for empty helper text). */
export function hasHelpText(props: FieldHelpTextProps): boolean {
  return Boolean(
    props.localError || props.errors?.length || props.help || props.spec || props.note,
  );
}
