import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { memo, useMemo, useState } from 'react';

import type { Finding } from '../../../schemas/finding';
import type { TensorIssue } from '../../preview/tensorLayout';
import { TensorPreview } from '../../preview/TensorPreview';

const LIST = { input: 'mlm:input', output: 'mlm:output' } as const;

/** The findings about tensor `index` of a list, as the preview places them (by path). */
export function tensorIssues(
  findings: readonly Finding[],
  role: 'input' | 'output',
  index: number,
): TensorIssue[] {
  const prefix = `/properties/${LIST[role]}/${index}`;
  return findings
    .filter((f) => f.severity !== 'info' && (f.path === prefix || f.path.startsWith(`${prefix}/`)))
    .map((f) => ({ message: f.message, code: f.code, path: f.path }));
}

const nameOf = (tensor: unknown, fallback: string) =>
  typeof tensor === 'object' &&
  tensor !== null &&
  typeof (tensor as { name?: unknown }).name === 'string' &&
  (tensor as { name: string }).name !== ''
    ? (tensor as { name: string }).name
    : fallback;

/**
 * The tensor preview of one section: a picker when there are several tensors (one SVG at a time
 * keeps a 20-input item fast) and the selected tensor drawn.
 */
export const TensorPreviewPanel = memo(function TensorPreviewPanel({
  role,
  tensors,
  bandNames,
  findings,
  onShowIssue,
}: {
  role: 'input' | 'output';
  tensors: readonly unknown[];
  bandNames: readonly string[];
  findings: readonly Finding[];
  onShowIssue: (path: string) => void;
}) {
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, Math.max(0, tensors.length - 1));
  const tensor = tensors[index];
  const issues = useMemo(() => tensorIssues(findings, role, index), [findings, role, index]);
  const label = role === 'input' ? 'Input' : 'Output';
  if (tensors.length === 0) {
    return null;
  }
  return (
    <Stack spacing={1} sx={{ width: '100%' }} role="group" aria-label={`${label} preview`}>
      {tensors.length > 1 && (
        <TextField
          select
          size="small"
          label={`${label} to preview`}
          value={index}
          onChange={(e) => setSelected(Number(e.target.value))}
          sx={{ maxWidth: 360 }}
        >
          {tensors.map((t, i) => (
            <MenuItem key={i} value={i}>
              {nameOf(t, `${label} ${i + 1}`)}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TensorPreview
        tensor={tensor}
        role={role}
        issues={issues}
        bandNames={bandNames}
        onShowIssue={onShowIssue}
      />
    </Stack>
  );
});
