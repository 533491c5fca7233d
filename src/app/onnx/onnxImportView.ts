import { formatBytes } from '../../form/formatBytes';
import type { MlmProposal, OnnxError, OnnxModelInfo } from '../../onnx/onnxModel';

/** What the ONNX review dialog shows for one import. */
export interface OnnxImportView {
  /** Changes with every new import, so the dialog forgets the previous ticks. */
  key: number;
  fileName: string;
  phase: 'reading' | 'failed' | 'ready';
  error?: OnnxError;
  model?: OnnxModelInfo;
  proposal?: MlmProposal;
  /** Mapping notes, reader warnings and external-data problems, in plain words. */
  messages: { severity: 'error' | 'warning' | 'info' | 'success'; message: string }[];
  /** Present while the checksum is being computed. */
  hashing?: HashingState;
}

export interface HashingState {
  bytesDone: number;
  total: number;
  bytesPerSecond?: number;
  secondsLeft?: number;
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** One line about the model: format, producer, parameters, structure, and how little was read. */
export function describeModel(model: OnnxModelInfo): string {
  const opset = model.opsetImport.find((o) => o.domain === '' || o.domain === 'ai.onnx');
  const parts = [
    `ONNX${model.irVersion !== undefined ? ` IR ${model.irVersion}` : ''}${opset ? `, opset ${opset.version}` : ''}`,
    model.producerName
      ? `made by ${model.producerName}${model.producerVersion ? ` ${model.producerVersion}` : ''}`
      : 'no producer named',
    `${count(model.totalParameters, 'parameter')} (${formatBytes(model.memoryBytes)} of weights)`,
    `${count(model.counts.graphs, 'graph')}, ${count(model.counts.nodes, 'node')}`,
    `read ${formatBytes(model.bytesRead)} of ${formatBytes(model.fileSize)}`,
  ];
  return parts.join(' · ');
}

function formatDuration(seconds: number): string {
  if (seconds < 1) {
    return 'less than a second';
  }
  if (seconds < 90) {
    return `${Math.round(seconds)} s`;
  }
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** "Computing the SHA-256 checksum: 45% of 1.2 GB · 160 MB/s · about 7 s left". */
export function describeProgress(state: HashingState): string {
  const percent = state.total > 0 ? Math.floor((100 * state.bytesDone) / state.total) : 100;
  const parts = [`Computing the SHA-256 checksum: ${percent}% of ${formatBytes(state.total)}`];
  if (state.bytesPerSecond !== undefined && state.bytesPerSecond > 0) {
    parts.push(`${formatBytes(state.bytesPerSecond)}/s`);
  }
  if (state.secondsLeft !== undefined && Number.isFinite(state.secondsLeft)) {
    parts.push(`about ${formatDuration(state.secondsLeft)} left`);
  }
  return parts.join(' · ');
}
