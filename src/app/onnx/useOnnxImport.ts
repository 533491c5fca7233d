import { useCallback, useRef, useState } from 'react';

import {
  estimateRemaining,
  type ProgressSample,
  recordSample,
  transferRate,
} from '../../onnx/hashProgress';
import { createOnnxClient } from '../../onnx/onnxClient';
import type { ModelFileFacts, OnnxModelInfo } from '../../onnx/onnxModel';
import type { ExternalDataMatch } from '../../onnx/onnxProtocol';
import type { OnnxImportView } from './onnxImportView';

const MIB = 1024 * 1024;

type OnnxClient = ReturnType<typeof createOnnxClient>;

/**
 * One ONNX import at a time: the worker reads the model (the dialog shows the proposal as soon as
 * it is parsed), then hashes it while the user reviews. `getDoc` gives the item to compare with.
 */
export function useOnnxImport(getDoc: () => unknown) {
  const client = useRef<OnnxClient | undefined>(undefined);
  const running = useRef<{ cancel(): void } | undefined>(undefined);
  const keyRef = useRef(0);
  const [view, setView] = useState<OnnxImportView>();

  const start = useCallback(
    (files: File[]) => {
      running.current?.cancel();
      const modelFile = files.find((f) => /\.onnx$/iu.test(f.name)) ?? files[0];
      if (!modelFile) {
        return;
      }
      keyRef.current += 1;
      const key = keyRef.current;
      let model: OnnxModelInfo | undefined;
      let external: ExternalDataMatch | undefined;
      const file: ModelFileFacts = { name: modelFile.name, size: modelFile.size };
      let samples: ProgressSample[] = [];
      const update = (change: (v: OnnxImportView) => OnnxImportView) =>
        setView((v) => (v?.key === key ? change(v) : v));
      // The mapping to MLM fields loads with the first model, not with the page. Proposals are
      // made in the order the worker reports (one promise, so its callbacks run in order).
      const mapping = import('../../onnx/toMlm');
      const propose = async () =>
        model ? (await mapping).proposeMlm(model, getDoc(), { ...file }) : undefined;

      setView({ key, fileName: modelFile.name, phase: 'reading', messages: [] });
      client.current ??= createOnnxClient();
      running.current = client.current.inspect(files, {
        onParsed: (message) => {
          if (!message.result.ok) {
            const { error } = message.result;
            update((v) => ({ ...v, phase: 'failed', error }));
            return;
          }
          model = message.result.model;
          external = message.external;
          void propose().then((proposal) =>
            update((v) => ({
              ...v,
              phase: 'ready',
              model,
              proposal,
              messages: [
                ...(model?.warnings ?? []).map((m) => ({
                  severity: 'warning' as const,
                  message: m,
                })),
                ...(external?.messages ?? []),
                ...(proposal?.notes ?? []),
              ],
              hashing: v.hashing ?? { bytesDone: 0, total: file.size },
            })),
          );
        },
        onProgress: ({ bytesDone, total }) => {
          samples = recordSample(samples, { time: performance.now(), bytesDone });
          const rate = transferRate(samples);
          update((v) => ({
            ...v,
            hashing: {
              bytesDone,
              total,
              bytesPerSecond: rate === undefined ? undefined : rate * MIB,
              secondsLeft: estimateRemaining(samples, total),
            },
          }));
        },
        onHashed: ({ checksum }) => {
          file.checksum = checksum;
          void propose().then((proposal) =>
            update((v) => ({ ...v, proposal, hashing: undefined })),
          );
        },
        onFailed: ({ error }) => {
          update((v) =>
            v.phase === 'reading'
              ? { ...v, phase: 'failed', error }
              : {
                  ...v,
                  hashing: undefined,
                  messages: [
                    ...v.messages,
                    {
                      severity: error.code === 'cancelled' ? 'info' : 'warning',
                      message:
                        error.code === 'cancelled'
                          ? 'The checksum was not computed: you stopped it. The other fields can still be applied.'
                          : `The checksum could not be computed: ${error.message}`,
                    },
                  ],
                },
          );
        },
      });
    },
    [getDoc],
  );

  const stopHashing = useCallback(() => running.current?.cancel(), []);
  const close = useCallback(() => {
    running.current?.cancel();
    running.current = undefined;
    setView(undefined);
  }, []);

  return { view, start, close, stopHashing };
}
