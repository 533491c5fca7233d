import TextField from '@mui/material/TextField';
import { useEffect, useRef } from 'react';

import type { TextRange } from '../../schemas/locatePointer';
import { MONOSPACE_FONTS } from './theme';

export function ItemTextField({
  value,
  onChange,
  syntaxError,
  documentKey,
  selection,
}: {
  value: string;
  onChange: (text: string) => void;
  syntaxError: string | undefined;
  /** Changes when another document is loaded: the view then goes back to its first line. */
  documentKey: number;
  /** A range to select and scroll to, e.g. where an issue is; a new object each time it is asked. */
  selection?: TextRange | undefined;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = textarea.current;
    if (element) {
      element.scrollTop = 0;
      element.setSelectionRange(0, 0);
    }
  }, [documentKey]);

  useEffect(() => {
    const element = textarea.current;
    if (!element || !selection) {
      return;
    }
    element.focus();
    element.setSelectionRange(selection.start, selection.end);
    // Bring the selected line into view: browsers do not always scroll a textarea to its selection.
    const line = element.value.slice(0, selection.start).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
    element.scrollTop = Math.max(0, line * lineHeight - element.clientHeight / 3);
  }, [selection]);

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
