// The UI's handle on the ONNX worker. Type-only imports from the worker side keep the parser and
// hash-wasm out of the main bundle: they load with the worker, on the first inspect().
import type { OnnxError } from './onnxModel';
import type {
  FailedResponse,
  HashedResponse,
  OnnxRequest,
  OnnxResponse,
  ParsedResponse,
  ProgressResponse,
} from './onnxProtocol';

/** Callbacks of one inspect() call, in the order they can fire; `onDone` always comes last, once. */
export interface InspectHandlers {
  onParsed?: (message: ParsedResponse) => void;
  onProgress?: (message: ProgressResponse) => void;
  onHashed?: (message: HashedResponse) => void;
  onFailed?: (message: FailedResponse) => void;
  onDone?: () => void;
}

export interface InspectHandle {
  /** Stops the request: `onFailed` (cancelled) and `onDone` fire now, nothing after. */
  cancel(): void;
}

export interface OnnxClient {
  /** Reads the model among `files` (the first `*.onnx`) and hashes it; the others are external-data candidates. */
  inspect(files: File[], handlers: InspectHandlers): InspectHandle;
  /** Stops the worker; pending requests get no more callbacks. */
  dispose(): void;
}

/** What the client needs from a Worker; tests can pass a fake. */
export interface OnnxWorkerLike {
  postMessage(message: OnnxRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<OnnxResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

function startWorker(): OnnxWorkerLike {
  // This exact `new Worker(new URL(…))` shape is what Vite recognises to bundle the worker chunk.
  return new Worker(new URL('./onnxWorker.ts', import.meta.url), { type: 'module', name: 'onnx' });
}

export function createOnnxClient(
  options: { createWorker?: () => OnnxWorkerLike } = {},
): OnnxClient {
  const createWorker = options.createWorker ?? startWorker;
  const jobs = new Map<number, InspectHandlers>();
  let worker: OnnxWorkerLike | undefined;
  let nextId = 1;

  function route(message: OnnxResponse): void {
    const handlers = jobs.get(message.id);
    if (handlers === undefined) {
      // Cancelled or disposed: late messages from the worker are expected and dropped.
      return;
    }
    switch (message.type) {
      case 'parsed':
        handlers.onParsed?.(message);
        break;
      case 'progress':
        handlers.onProgress?.(message);
        break;
      case 'hashed':
        handlers.onHashed?.(message);
        break;
      case 'failed':
        handlers.onFailed?.(message);
        break;
      case 'done':
        jobs.delete(message.id);
        handlers.onDone?.();
        break;
    }
  }

  function finish(id: number, handlers: InspectHandlers, error: OnnxError): void {
    handlers.onFailed?.({ type: 'failed', id, error });
    handlers.onDone?.();
  }

  /** The worker died or could not load: fail every pending request, and start afresh next time. */
  function crash(message: string): void {
    worker?.terminate();
    worker = undefined;
    const pending = [...jobs];
    jobs.clear();
    for (const [id, handlers] of pending) {
      finish(id, handlers, { code: 'read-failed', message });
    }
  }

  function ensureWorker(): OnnxWorkerLike {
    if (worker !== undefined) {
      return worker;
    }
    const started = createWorker();
    started.onmessage = (event) => route(event.data);
    started.onerror = (event) => {
      // Handled here; without preventDefault the browser also logs it as uncaught.
      event.preventDefault();
      crash(
        `The ONNX reader stopped unexpectedly${event.message ? ` (${event.message})` : ''}. Try again.`,
      );
    };
    started.onmessageerror = () => crash('A message from the ONNX reader could not be decoded.');
    worker = started;
    return started;
  }

  return {
    inspect(files, handlers) {
      const id = nextId++;
      jobs.set(id, handlers);
      try {
        ensureWorker().postMessage({ type: 'inspect', id, files });
      } catch (error) {
        // new Worker() can be refused (CSP, old browser); report it like any other failure, but
        // after inspect() returns so callers see the same order as for worker replies.
        jobs.delete(id);
        const reason = error instanceof Error ? error.message : String(error);
        queueMicrotask(() =>
          finish(id, handlers, {
            code: 'read-failed',
            message: `The ONNX reader could not start (${reason}).`,
          }),
        );
      }
      return {
        cancel() {
          if (!jobs.delete(id)) {
            return;
          }
          worker?.postMessage({ type: 'cancel', id });
          finish(id, handlers, { code: 'cancelled', message: 'Reading the model was cancelled.' });
        },
      };
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      jobs.clear();
    },
  };
}
