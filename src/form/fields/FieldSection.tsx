import Box from '@mui/material/Box';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactNode, useId } from 'react';

import { useFieldErrors } from '../formRuntime';
import { FieldHelpText, hasHelpText } from './FieldHelpText';

interface FieldSectionProps {
  path: string;
  label: string;
  required: boolean;
  help?: string;
  spec?: string;
  actions?: ReactNode;
  /** The title is shown by the parent (a card): keep only help, errors and actions. */
  embedded?: boolean;
  /** Extra words after the title, e.g. an item count. */
  titleNote?: ReactNode;
  children: ReactNode;
}

/** A titled group of fields (object, list, record, union): a labelled region with its errors. */
export function FieldSection(props: FieldSectionProps) {
  const { path, label, required, help, spec, actions, embedded, titleNote, children } = props;
  const errors = useFieldErrors(path);
  const titleId = useId();
  const helpId = useId();
  const helpProps = { label, help, spec, errors };
  const showHelp = hasHelpText(helpProps);
  const header = !embedded && label !== '';
  return (
    <Box
      role={header ? 'group' : undefined}
      aria-labelledby={header ? titleId : undefined}
      aria-describedby={showHelp ? helpId : undefined}
      aria-invalid={errors.length > 0 || undefined}
      sx={header ? { borderLeft: 2, borderColor: 'divider', pl: 1.5, py: 0.5 } : undefined}
    >
      {(header || actions) && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minHeight: 36 }}>
          {header && (
            <Typography id={titleId} variant="subtitle2" component="div" sx={{ flex: 1 }}>
              {label}
              {required && <span aria-hidden="true"> *</span>}
              {titleNote && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' '}
                  {titleNote}
                </Typography>
              )}
            </Typography>
          )}
          {!header && <Box sx={{ flex: 1 }} />}
          {actions}
        </Stack>
      )}
      {showHelp && (
        <FormHelperText id={helpId} error={errors.length > 0} sx={{ mt: 0, mb: 1 }}>
          <FieldHelpText {...helpProps} />
        </FormHelperText>
      )}
      {children}
    </Box>
  );
}

/** Lays out the members of an object: fields take full rows, "Add …" buttons flow together. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, rowGap: 1.5, alignItems: 'center' }}
    >
      {children}
    </Box>
  );
}
