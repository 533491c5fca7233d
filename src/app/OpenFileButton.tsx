import Button from '@mui/material/Button';
import { useRef } from 'react';

/**
 * A real button (so Enter and Space work) that opens a hidden file input. The input carries the
 * same accessible label, so tests and assistive tech can reach it directly.
 */
export function OpenFileButton({
  label,
  accept,
  multiple = false,
  variant = 'contained',
  onFiles,
}: {
  label: string;
  /** File types offered first; omit to offer every file (external data files have any name). */
  accept?: string;
  multiple?: boolean;
  variant?: 'contained' | 'outlined';
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant={variant} disableElevation onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        hidden
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={label}
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
