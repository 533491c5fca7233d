import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import type { ByteSource } from '../src/onnx/onnxModel';
import type { DecodedModel, Int64 } from './onnxSchema';

// One measurement of onnxBench.ts in a process of its own, so that each reports its own peak RSS
// (the baseline's buffers would otherwise inflate ours). Usage:
//   node --import tsx bench/onnxBenchChild.ts idle
//   node --import tsx bench/onnxBenchChild.ts ours <model.onnx> <runs>
//   node --import tsx bench/onnxBenchChild.ts baseline <model.onnx>
// Prints one line of JSON (a ChildReport) on stdout.

/** What a model holds, as each reader found it, to check both against the file's spec. */
export interface ModelSummary {
  inputs: string[];
  outputs: string[];
  nodes: number;
  initializers: number;
  totalParameters: number;
}

export type ChildReport =
  | { mode: 'idle'; maxRssKiB: number }
  | {
      mode: 'ours';
      /** Wall time of each call (open, readOnnx, close), in order: the first is a cold call. */
      times: number[];
      bytesRead: number;
      maxRssKiB: number;
      summary: ModelSummary;
    }
  | {
      mode: 'baseline';
      readMs: number;
      decodeMs: number;
      maxRssKiB: number;
      summary: ModelSummary;
    }
  | { mode: 'baseline'; failed: { code?: string; message: string }; maxRssKiB: number }
  | { mode: 'error'; message: string };

/** A ByteSource over a file descriptor: what a node tool would hand readOnnx. */
function fileSource(fd: number): ByteSource {
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset: number, length: number): Uint8Array {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      return buffer.subarray(0, n);
    },
  };
}

const maxRssKiB = () => process.resourceUsage().maxRSS;

async function ours(path: string, runs: number): Promise<ChildReport> {
  const { readOnnx } = await import('../src/onnx/readOnnx');
  const times: number[] = [];
  let last: ReturnType<typeof readOnnx> | undefined;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const fd = openSync(path, 'r');
    try {
      last = readOnnx(fileSource(fd));
    } finally {
      closeSync(fd);
    }
    times.push(performance.now() - t0);
  }
  if (!last?.ok) {
    return { mode: 'error', message: `readOnnx failed: ${JSON.stringify(last?.error)}` };
  }
  const { model } = last;
  return {
    mode: 'ours',
    times,
    bytesRead: model.bytesRead,
    maxRssKiB: maxRssKiB(),
    summary: {
      inputs: model.inputs.map((i) => i.name),
      outputs: model.outputs.map((o) => o.name),
      nodes: model.counts.nodes,
      initializers: model.counts.initializers,
      totalParameters: model.totalParameters,
    },
  };
}

async function baseline(path: string): Promise<ChildReport> {
  const { modelProtoType } = await import('./onnxSchema');
  const type = modelProtoType();
  const t0 = performance.now();
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    // Node's whole-file read stops at 2 GiB (ERR_FS_FILE_TOO_LARGE): the limit the report shows.
    const e = error as NodeJS.ErrnoException;
    return {
      mode: 'baseline',
      failed: { code: e.code, message: e.message },
      maxRssKiB: maxRssKiB(),
    };
  }
  const t1 = performance.now();
  const decoded = type.decode(buffer) as unknown as DecodedModel;
  const t2 = performance.now();
  const graph = decoded.graph;
  const initializerNames = new Set(graph?.initializer.map((t) => t.name));
  const toNumber = (v: Int64) => (typeof v === 'number' ? v : v.toNumber());
  return {
    mode: 'baseline',
    readMs: t1 - t0,
    decodeMs: t2 - t1,
    maxRssKiB: maxRssKiB(),
    summary: {
      inputs: (graph?.input ?? []).map((i) => i.name).filter((n) => !initializerNames.has(n)),
      outputs: (graph?.output ?? []).map((o) => o.name),
      nodes: graph?.node.length ?? 0,
      initializers: graph?.initializer.length ?? 0,
      totalParameters: (graph?.initializer ?? []).reduce(
        (n, t) => n + t.dims.reduce((p: number, d) => p * toNumber(d), 1),
        0,
      ),
    },
  };
}

async function main(): Promise<ChildReport> {
  const [mode, path, runs] = process.argv.slice(2);
  if (mode === 'idle') {
    return { mode: 'idle', maxRssKiB: maxRssKiB() };
  }
  if (mode === 'ours' && path) {
    return ours(path, Number(runs ?? 1));
  }
  if (mode === 'baseline' && path) {
    return baseline(path);
  }
  return { mode: 'error', message: `unknown arguments: ${process.argv.slice(2).join(' ')}` };
}

let report: ChildReport;
try {
  report = await main();
} catch (error) {
  report = {
    mode: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
