import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useMemo, type ReactNode } from 'react';
import { shorten, tensorLayout, type TensorLayout } from './tensorLayout';

export interface PipelineStripProps {
  inputs: readonly unknown[];
  outputs: readonly unknown[];
  modelName?: string;
}

function Arrow({ inList = true }: { inList?: boolean }) {
  return (
    <Typography
      component={inList ? 'li' : 'span'}
      aria-hidden="true"
      color="text.secondary"
      sx={{ px: 0.25 }}
    >
      →
    </Typography>
  );
}

function Step({ label, title, warn }: { label: ReactNode; title: string; warn?: boolean }) {
  return (
    <Chip
      component="li"
      size="small"
      variant="outlined"
      label={label}
      title={title}
      // Dark text on an orange outline: MUI's warning chip text is under 4.5:1 contrast.
      sx={{
        maxWidth: 260,
        ...(warn ? { color: 'warning.dark', borderColor: 'warning.main' } : {}),
      }}
    />
  );
}

function tensorStep(layout: TensorLayout): ReactNode {
  const warn = layout.problems.length > 0 || layout.axes.some((a) => a.invalid !== null);
  const name = shorten(layout.name ?? '(unnamed)', 18);
  return (
    <Step
      label={`${name} ${layout.dataType ?? '?'} ${layout.shapeText}`}
      title={layout.ariaLabel}
      warn={warn}
    />
  );
}

function InputRow({ layout }: { layout: TensorLayout }) {
  const { bands, scaling } = layout;
  const names = bands?.shown.map((b) => b.name) ?? [];
  const bandText =
    bands === null
      ? 'no bands'
      : `${shorten(names.slice(0, 3).join(', '), 24)}${bands.total > 3 ? ` +${bands.total - 3}` : ''}`;
  const scalingText =
    scaling === null
      ? 'no scaling'
      : scaling.mode === 'all'
        ? shorten(scaling.entries[0] ?? '', 22)
        : `${scaling.mode === 'per-band' ? 'per band' : 'mismatched'} ×${scaling.entries.length}`;
  const pre = layout.processing[0];
  return (
    <Box component="ol" sx={rowSx} aria-label={`Input ${layout.name ?? '(unnamed)'}`}>
      <Step label={bandText} title={names.join(', ') || 'No bands listed'} />
      <Arrow />
      <Step
        label={scalingText}
        title={scaling?.entries.join('\n') ?? 'No value scaling'}
        warn={scaling?.mode === 'mismatch'}
      />
      {pre && (
        <>
          <Arrow />
          <Step label={shorten(`${pre.format}: ${pre.expression}`, 26)} title="Pre-processing" />
        </>
      )}
      <Arrow />
      {tensorStep(layout)}
    </Box>
  );
}

function OutputRow({ layout }: { layout: TensorLayout }) {
  const { classes } = layout;
  const post = layout.processing[0];
  return (
    <Box component="ol" sx={rowSx} aria-label={`Output ${layout.name ?? '(unnamed)'}`}>
      {tensorStep(layout)}
      {post && (
        <>
          <Arrow />
          <Step label={shorten(`${post.format}: ${post.expression}`, 26)} title="Post-processing" />
        </>
      )}
      <Arrow />
      {classes ? (
        <Step
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              {classes.shown.slice(0, 6).map((c, i) => (
                <Box
                  key={i}
                  component="span"
                  aria-hidden="true"
                  sx={{
                    width: 9,
                    height: 9,
                    borderRadius: '2px',
                    border: 1,
                    borderColor: 'text.secondary',
                    bgcolor: c.color ?? 'transparent',
                  }}
                />
              ))}
              {`${classes.total} class${classes.total === 1 ? '' : 'es'}`}
            </Box>
          }
          title={classes.shown.map((c) => `${c.value} ${c.name}`).join('\n')}
        />
      ) : (
        <Step label={layout.tasks.join(', ') || 'no tasks'} title="Tasks" />
      )}
    </Box>
  );
}

const rowSx = {
  display: 'flex',
  alignItems: 'center',
  flexWrap: 'wrap',
  gap: 0.5,
  listStyle: 'none',
  m: 0,
  p: 0,
} as const;

/** The whole model at a glance: where the data comes from, and what comes out. */
export function PipelineStrip({ inputs, outputs, modelName }: PipelineStripProps) {
  const inputLayouts = useMemo(() => inputs.map((t) => tensorLayout(t, 'input')), [inputs]);
  const outputLayouts = useMemo(() => outputs.map((t) => tensorLayout(t, 'output')), [outputs]);
  // The rows are built once per list: typing the model name re-renders only its chip.
  const inputRows = useMemo(
    () =>
      inputLayouts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No inputs
        </Typography>
      ) : (
        inputLayouts.map((layout, i) => <InputRow key={i} layout={layout} />)
      ),
    [inputLayouts],
  );
  const outputRows = useMemo(
    () =>
      outputLayouts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No outputs
        </Typography>
      ) : (
        outputLayouts.map((layout, i) => <OutputRow key={i} layout={layout} />)
      ),
    [outputLayouts],
  );
  const model = modelName?.trim() ? modelName : 'model';
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <Box
      role="group"
      aria-label={`Pipeline: ${count(inputs.length, 'input')} → ${model} → ${count(outputs.length, 'output')}`}
      sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1 }}
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>{inputRows}</Box>
      <Arrow inList={false} />
      <Chip color="primary" label={shorten(model, 28)} title="Model" />
      <Arrow inList={false} />
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>{outputRows}</Box>
    </Box>
  );
}
