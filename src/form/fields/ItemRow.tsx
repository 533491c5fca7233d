import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';

import { ItemActions, type ItemActionsProps } from './ItemActions';

/** One short list item (a number, a name…) on a single line with its buttons. */
export function ItemRow({ children, ...actions }: ItemActionsProps & { children: ReactNode }) {
  return (
    <Stack
      direction="row"
      role="group"
      aria-label={actions.title}
      spacing={0.5}
      sx={{ alignItems: 'flex-start' }}
    >
      <Box sx={{ flex: 1, minWidth: 0 }}>{children}</Box>
      <Stack direction="row" sx={{ alignItems: 'center', minHeight: 40 }}>
        <ItemActions {...actions} />
      </Stack>
    </Stack>
  );
}
