// The ONNX worker entry: routes messages only; the work lives in inspectFiles (testable in node).
// Typed with the DOM lib like the rest of the app; `self` is the worker's global scope here.
import { matchExternalData } from './externalData';
import { inspectFiles } from './inspectFiles';
import type { OnnxRequest, OnnxResponse } from './onnxProtocol';
import { readOnnx } from './readOnnx';

const cancelled = new Set<number>();

function post(message: OnnxResponse): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<OnnxRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'inspect':
      void inspectFiles(request, {
        post,
        isCancelled: () => cancelled.has(request.id),
        readOnnx,
        matchExternalData,
      }).finally(() => cancelled.delete(request.id));
      break;
    case 'cancel':
      cancelled.add(request.id);
      break;
  }
};
