import type { SxProps, Theme } from '@mui/material/styles';
import { Component, lazy, type ReactNode, Suspense } from 'react';

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
}

const SelectBox = lazy(() => import('./SelectBox').then((m) => ({ default: m.SelectBox })));

/** Catches a select whose code could not be loaded, so one field says so, not the whole page. */
class SelectLoadBoundary extends Component<
  { fallback: (error: Error) => ReactNode; children: ReactNode },
  { error?: Error }
> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * A select whose menu code (MUI Select, Menu, Popover, Modal: about 20 KB gzip) loads after the
 * first render. Until then the chosen value shows in a read-only box of the same size, out of the
 * tab order (the select that replaces it would take the focus away).
 */
export function LazySelectBox(props: SelectBoxProps) {
  const chosen = props.choices.find((c) => c.value === props.value);
  const standIn = (problem?: string) => (
    <TextBox
      label={props.label}
      required={props.required}
      fullWidth={props.fullWidth}
      size={props.size}
      error={props.error === true || problem !== undefined}
      helperText={problem ?? props.helperText}
      sx={props.sx}
      value={chosen?.label ?? props.value}
      htmlInput={{ readOnly: true, tabIndex: -1 }}
    />
  );
  return (
    <SelectLoadBoundary
      fallback={(error) =>
        standIn(`The list could not be loaded (${error.message}): reload the page to choose.`)
      }
    >
      <Suspense fallback={standIn()}>
        <SelectBox {...props} />
      </Suspense>
    </SelectLoadBoundary>
  );
}
