import Button from '@mui/material/Button';
import { useRef } from 'react';

/**
 * A real button (so Enter and Space work) that opens a hidden file input. The input carries the
 * same accessible label, so tests and assistive tech can reach it directly.
 */
export function OpenFileButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="contained" disableElevation onClick={() => input.current?.click()}>
        Open item JSON
      </Button>
      <input
        ref={input}
        hidden
        type="file"
        accept=".json,application/json"
        aria-label="Open item JSON"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so that choosing the same file again still fires a change.
          event.target.value = '';
          onFiles(files);
        }}
      />
    </>
  );
}
