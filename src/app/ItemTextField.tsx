import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';

import { MONOSPACE_FONTS } from './theme';

export function ItemTextField({
  value,
  onChange,
  syntaxError,
  documentKey,
}: {
  value: string;
  onChange: (text: string) => void;
  syntaxError: string | undefined;
  /** Changes when another document is loaded: the view then goes back to its first line. */
  documentKey: number;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = textarea.current;
    if (element) {
      element.scrollTop = 0;
      element.setSelectionRange(0, 0);
    }
  }, [documentKey]);

  return (
    <TextField
      label="Item JSON"
      multiline
      fullWidth
      minRows={18}
      maxRows={26}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={syntaxError !== undefined}
      helperText={syntaxError ?? 'Checked as you type.'}
      placeholder='Paste or type a STAC Item here, e.g. { "type": "Feature", … }'
      inputRef={textarea}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' },
      }}
      sx={{
        '& .MuiInputBase-root': { bgcolor: 'background.paper' },
        '& textarea': { fontFamily: MONOSPACE_FONTS, fontSize: 13, lineHeight: 1.5 },
        '& .MuiFormHelperText-root': { mx: 0 },
      }}
    />
  );
}
