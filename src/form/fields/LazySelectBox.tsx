import type { SxProps, Theme } from '@mui/material/styles';
import { lazy, type ReactNode, Suspense } from 'react';

import { TextBox } from './TextBox';

export interface SelectChoice {
  /** What the select stores; a string, as menu items need one. */
  value: string;
  label: string;
}

export interface SelectBoxProps {
  label: ReactNode;
  value: string;
  choices: readonly SelectChoice[];
  onChange: (value: string) => void;
  required?: boolean;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
  error?: boolean;
  helperText?: ReactNode;
  sx?: SxProps<Theme>;
  htmlId?: string;
}

const SelectBox = lazy(() => import('./SelectBox').then((m) => ({ default: m.SelectBox })));

/**
 * A select whose menu code (MUI Select, Menu, Popover, Modal: about 20 KB gzip) loads after the
 * first render. Until then the chosen value shows in a read-only box of the same size.
 */
export function LazySelectBox(props: SelectBoxProps) {
  const chosen = props.choices.find((c) => c.value === props.value);
  const fallback = (
    <TextBox
      label={props.label}
      required={props.required}
      fullWidth={props.fullWidth}
      size={props.size}
      error={props.error}
      helperText={props.helperText}
      sx={props.sx}
      value={chosen?.label ?? props.value}
      htmlInput={{ readOnly: true }}
    />
  );
  return (
    <Suspense fallback={fallback}>
      <SelectBox {...props} />
    </Suspense>
  );
}
