// `cli introspect`: what an ONNX model file says, keyed by MLM field names, for scripts that write
// STAC items. The mapping is the app's (proposeMlm on an empty item), so both propose the same.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

import { matchExternalData } from '../onnx/externalData';
import type { MlmProposal, OnnxError, OnnxExternalRef, OnnxModelInfo } from '../onnx/onnxModel';
import { readOnnx } from '../onnx/readOnnx';
import { proposeMlm } from '../onnx/toMlm';
import { fileSource } from './fileSource';
import { hashFile } from './hashFile';

export interface IntrospectOptions {
  /** Where relative paths are resolved from. */
  cwd: string;
  /** Compute `file:checksum` (and the data files' checksums): reads every byte once. */
  hash: boolean;
}

/** A data file given after the model that the model reads external weights from. */
export interface MatchedDataFile {
  location: string;
  /** The path as given on the command line. */
  file: string;
  size: number;
  /** sha256 multihash, unless hashing is off. */
  checksum?: string;
}

/** The ONNX facts behind the MLM fields, snake_case like the onnx.proto field names. */
export interface OnnxFacts {
  ir_version?: number;
  opset_import: { domain: string; version: number }[];
  producer: { name?: string; version?: string };
  domain?: string;
  model_version?: number;
  graph_name?: string;
  doc_string?: string;
  metadata_props: { key: string; value: string }[];
  /** The main graph, nested If/Loop/Scan bodies and function bodies. */
  graphs: number;
  nodes: number;
  initializers: number;
  sparse_initializers: number;
  constant_nodes: number;
  functions: number;
  /** Graph inputs that are initializers (IR ≤ 3 style), left out of mlm:input. */
  initializer_inputs: number;
  external_data: {
    refs: OnnxExternalRef[];
    /** Data files the model needs, once each (unsafe locations excluded, see `rejected`). */
    needed: string[];
    matched: MatchedDataFile[];
    missing: string[];
    rejected: string[];
    /** Given files the model does not refer to. */
    unused: string[];
  };
  /** Reader warnings, then external-data problems: none of them stops the command. */
  warnings: string[];
  /** What the MLM mapping had to guess or could not express (the app's review notes). */
  notes: MlmProposal['notes'];
  /** Bytes of the model file read to learn this (the rest was skipped). */
  bytes_read: number;
}

/** The `--json` output: one object keyed by the MLM and file extension field names. */
export interface IntrospectReport {
  'mlm:input': unknown[];
  'mlm:output': unknown[];
  'mlm:total_parameters'?: number;
  'mlm:memory_size'?: number;
  'mlm:framework'?: string;
  'file:size': number;
  'file:checksum'?: string;
  onnx: OnnxFacts;
}

export type IntrospectOutcome =
  | { kind: 'report'; file: string; report: IntrospectReport }
  /** The model file is not a readable ONNX model: exit 1. */
  | { kind: 'unreadable'; file: string; error: OnnxError }
  /** A path that names no file: a usage error, exit 2. */
  | { kind: 'usage'; message: string };

/** Why `path` cannot be read as a file, in the words of a usage error, or undefined when it can. */
function checkPath(path: string, shown: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) {
      return `${shown} is a folder, not a file.`;
    }
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? `File not found: ${shown}.`
      : `Cannot open ${shown}: ${(error as Error).message}.`;
  }
}

function readModel(
  path: string,
): { ok: true; model: OnnxModelInfo } | { ok: false; error: OnnxError } {
  let source;
  try {
    source = fileSource(path);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'read-failed',
        message: `The file could not be opened: ${(error as Error).message}.`,
      },
    };
  }
  try {
    return readOnnx(source);
  } finally {
    source.close();
  }
}

function pick<T>(value: T | undefined, key: string): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

/**
 * Reads the model at `modelPath` without loading it (a few positional reads, whatever its size),
 * matches the data files by base name with its external-data references, and hashes the model
 * (and the matched data files) by streaming when `options.hash` is set.
 */
export async function introspect(
  modelPath: string,
  dataPaths: readonly string[],
  options: IntrospectOptions,
): Promise<IntrospectOutcome> {
  const modelFile = resolve(options.cwd, modelPath);
  const dataFiles = dataPaths.map((p) => ({ shown: p, path: resolve(options.cwd, p) }));
  for (const { path, shown } of [{ path: modelFile, shown: modelPath }, ...dataFiles]) {
    const problem = checkPath(path, shown);
    if (problem) {
      return { kind: 'usage', message: problem };
    }
  }

  const read = readModel(modelFile);
  if (!read.ok) {
    return { kind: 'unreadable', file: modelPath, error: read.error };
  }
  const model = read.model;
  const given = dataFiles.map((f) => ({ name: f.shown, size: statSync(f.path).size }));
  const external = matchExternalData(model.externalData, given);
  const name = modelPath.split(/[\\/]/).pop() ?? modelPath;
  const proposal = proposeMlm(model, {}, { name, size: model.fileSize });
  const value = (id: string) => proposal.fields.find((f) => f.id === id)?.value;
  const listed = (list: string) =>
    proposal.fields.filter((f) => f.pointer.startsWith(`/properties/${list}/`)).map((f) => f.value);

  const matched: MatchedDataFile[] = external.given.map((g) => ({ ...g }));
  let checksum: string | undefined;
  if (options.hash) {
    let hashing = modelPath;
    try {
      checksum = await hashFile(modelFile);
      for (const m of matched) {
        hashing = m.file;
        m.checksum = await hashFile(resolve(options.cwd, m.file));
      }
    } catch (error) {
      // The file was read a moment ago: it was moved, cut or locked meanwhile.
      return {
        kind: 'unreadable',
        file: modelPath,
        error: {
          code: 'read-failed',
          message: `Hashing ${hashing} failed: ${(error as Error).message}. It may have changed on disk; run again.`,
        },
      };
    }
  }

  const report: IntrospectReport = {
    'mlm:input': listed('mlm:input'),
    'mlm:output': listed('mlm:output'),
    ...pick(value('mlm:total_parameters') as number | undefined, 'mlm:total_parameters'),
    ...pick(value('mlm:memory_size') as number | undefined, 'mlm:memory_size'),
    ...pick(value('mlm:framework') as string | undefined, 'mlm:framework'),
    'file:size': model.fileSize,
    ...pick(checksum, 'file:checksum'),
    onnx: {
      ...pick(model.irVersion, 'ir_version'),
      opset_import: model.opsetImport,
      producer: {
        ...pick(model.producerName, 'name'),
        ...pick(model.producerVersion, 'version'),
      },
      ...pick(model.domain, 'domain'),
      ...pick(model.modelVersion, 'model_version'),
      ...pick(model.graphName, 'graph_name'),
      ...pick(model.docString, 'doc_string'),
      metadata_props: model.metadataProps,
      graphs: model.counts.graphs,
      nodes: model.counts.nodes,
      initializers: model.counts.initializers,
      sparse_initializers: model.counts.sparseInitializers,
      constant_nodes: model.counts.constantNodes,
      functions: model.counts.functions,
      initializer_inputs: model.initializerInputs,
      external_data: {
        refs: model.externalData,
        needed: external.needed,
        matched,
        missing: external.missing,
        rejected: external.rejected,
        unused: external.unused,
      },
      warnings: [...model.warnings, ...external.messages.map((m) => m.message)],
      notes: proposal.notes,
      bytes_read: model.bytesRead,
    },
  };
  return { kind: 'report', file: modelPath, report };
}
