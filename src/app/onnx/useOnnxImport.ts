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
import { lazyModule } from '../lazyModule';
import type { OnnxImportView } from './onnxImportView';

const MIB = 1024 * 1024;

// The mapping to MLM fields loads with the first model, not with the page.
const mapping = lazyModule(() => import('../../onnx/toMlm'));
type ProposeMlm = NonNullable<ReturnType<typeof mapping.get>>['proposeMlm'];

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
      const inspect = (proposeMlm: ProposeMlm) => {
        const propose = () => (model ? proposeMlm(model, getDoc(), { ...file }) : undefined);
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
            const proposal = propose();
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
              hashing: { bytesDone: 0, total: file.size },
            }));
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
            const proposal = propose();
            update((v) => ({ ...v, proposal, hashing: undefined }));
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
      };

      setView({ key, fileName: modelFile.name, phase: 'reading', messages: [] });
      // The worker starts once the mapping is here, so every report is handled in order and at once.
      const loaded = mapping.get();
      if (loaded) {
        inspect(loaded.proposeMlm);
      } else {
        void mapping.load().then(({ proposeMlm }) => {
          // Another model was chosen, or the dialog closed, while the mapping loaded.
          if (keyRef.current === key) {
            inspect(proposeMlm);
          }
        });
      }
    },
    [getDoc],
  );

  const stopHashing = useCallback(() => running.current?.cancel(), []);
  const close = useCallback(() => {
    keyRef.current += 1;
    running.current?.cancel();
    running.current = undefined;
    setView(undefined);
  }, []);

  return { view, start, close, stopHashing };
}
