/**
 * A module loaded on demand that can be used synchronously once it is here. Code that must act
 * at once when it can (lint on every keystroke, footprint edits in typing order, an ONNX report
 * handled as it comes) reads `get()`; the first use waits for `load()`, and a load that failed is
 * tried again by the next.
 */
export function lazyModule<M>(importer: () => Promise<M>) {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get: (): M | undefined => loaded,
    load: (): Promise<M> =>
      (loading ??= importer().then(
        (m) => {
          loaded = m;
          return m;
        },
        (error: unknown) => {
          // A failed fetch (a network blip) is not remembered: the next load() tries again.
          loading = undefined;
          throw error;
        },
      )),
  };
}
