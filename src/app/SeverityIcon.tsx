import SvgIcon, { type SvgIconProps } from '@mui/material/SvgIcon';

import type { Severity } from '../../schemas/finding';

// Material Design outline icons (Apache-2.0), inlined: @mui/icons-material is not a dependency.
const PATHS: Record<Severity, string> = {
  error:
    'M11 15h2v2h-2zm0-8h2v6h-2zm.99-5C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8z',
  warning: 'M12 5.99L19.53 19H4.47L12 5.99M12 2L1 21h22L12 2zm1 14h-2v2h2v-2zm0-6h-2v4h2v-4z',
  info: 'M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

export function SeverityIcon({ severity, ...props }: { severity: Severity } & SvgIconProps) {
  return (
    <SvgIcon color={severity} {...props}>
      <path d={PATHS[severity]} />
    </SvgIcon>
  );
}
