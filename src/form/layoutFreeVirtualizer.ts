import type { Virtualizer } from '@tanstack/react-virtual';
import { elementScroll, measureElement } from '@tanstack/react-virtual';

// TanStack Virtual measures the scroll box and each new item with getBoundingClientRect or
// offsetHeight as they mount. Each read forces a layout of the whole page, and a big item mounts
// several lists: those forced layouts were a fifth of its first render. So was the scroll to the
// top it asks of every new box. These options start from
// the known box height and the estimates, and take real sizes from ResizeObserver, which reports
// after the browser's own layout and before paint, so nothing on screen is ever mis-sized.

type AnyVirtualizer = Virtualizer<HTMLDivElement, Element>;

/** observeElementRect for a scroll box whose CSS height is fixed at `height`. */
export function observeFixedBox(height: number) {
  return (
    instance: AnyVirtualizer,
    callback: (rect: { width: number; height: number }) => void,
  ) => {
    const element = instance.scrollElement;
    callback({ width: 0, height });
    if (!element || typeof ResizeObserver === 'undefined') {
      return;
    }
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentBoxSize[0];
      // Hidden (display: none) boxes measure 0: keep the CSS height.
      if (box && box.blockSize > 0) {
        callback({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}

/**
 * measureElement that reads sizes from ResizeObserver entries only: an item just mounted keeps
 * `fallback(index)` (its estimate) until its entry arrives. Sizes of 0 (no layout: jsdom, a
 * hidden panel) also fall back.
 */
export function measureFromObserver(fallback: (index: number) => number) {
  return (element: Element, entry: ResizeObserverEntry | undefined, instance: AnyVirtualizer) => {
    const index = Number(element.getAttribute('data-index'));
    if (!entry) {
      const key = instance.options.getItemKey(index);
      return instance.itemSizeCache.get(key) ?? fallback(index);
    }
    const size = measureElement(element, entry, instance);
    return size > 0 ? size : fallback(index);
  };
}

const scrolled = new WeakSet<Element>();

/**
 * scrollToFn that skips the first request when it is to the top: the virtualizer asks a new box
 * to scroll to 0, where it already is, and that scroll forces a layout.
 */
export function scrollUnlessFresh(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: AnyVirtualizer,
): void {
  const element = instance.scrollElement;
  if (element && !scrolled.has(element)) {
    scrolled.add(element);
    if (offset === 0 && !options.adjustments) {
      return;
    }
  }
  elementScroll(offset, options, instance);
}
