import { type ReactNode, useEffect, useState } from 'react';

import { whenIdle } from '../shared/whenIdle';
import { useFormRuntime } from './formRuntime';

/** At the latest, a waiting group is built this long after the previous one. */
const IDLE_TIMEOUT_MS = 400;

// Groups waiting to be built, lowest step first: one per idle period, so each commits in a task
// of its own and a keystroke or a click is never stuck behind the whole form. Once the user
// scrolls, the rest are built at once: built one by one above the place scrolled to, they would
// push it away (the browser's scroll anchoring keeps it in place through a single change).
const waiting: { step: number; reveal: () => void }[] = [];
let cancelScheduled: (() => void) | undefined;
const SCROLL_OPTIONS = { capture: true, passive: true } as const;
let watchingScroll = false;

/** Schedules the next group and watches for a scroll while groups wait; stops both after. */
function keepUp() {
  if (waiting.length > 0) {
    cancelScheduled ??= whenIdle(revealNext, IDLE_TIMEOUT_MS);
    if (!watchingScroll && typeof window !== 'undefined') {
      watchingScroll = true;
      window.addEventListener('scroll', revealAll, SCROLL_OPTIONS);
    }
    return;
  }
  cancelScheduled?.();
  cancelScheduled = undefined;
  if (watchingScroll) {
    watchingScroll = false;
    window.removeEventListener('scroll', revealAll, SCROLL_OPTIONS);
  }
}

function revealNext() {
  cancelScheduled = undefined;
  waiting.sort((a, b) => a.step - b.step);
  waiting.shift()?.reveal();
  keepUp();
}

function revealAll() {
  waiting.splice(0).forEach((entry) => entry.reveal());
  keepUp();
}

function enqueue(step: number, reveal: () => void): () => void {
  const entry = { step, reveal };
  waiting.push(entry);
  keepUp();
  return () => {
    const at = waiting.indexOf(entry);
    if (at >= 0) {
      waiting.splice(at, 1);
    }
    keepUp();
  };
}

/**
 * Renders `children` once the browser is idle after the form's first paint, groups in `step`
 * order, one group per idle period, or all at once when the page is scrolled. A big item's first
 * screen is up, and takes input, before the groups below the fold are built. Not a transition:
 * other updates (autosave, the JSON text) would restart it. A request to show a field (focus from
 * the Issues panel) renders at once.
 */
export function DeferredFields({
  step,
  children,
  pending,
}: {
  step: number;
  children: ReactNode;
  /** What stands in until then (it should keep the group's heading and landmark). */
  pending?: ReactNode;
}) {
  const { subscribeReveal } = useFormRuntime();
  const [ready, setReady] = useState(step <= 0);
  useEffect(() => {
    if (ready) {
      return;
    }
    const unsubscribe = subscribeReveal(() => setReady(true));
    const dequeue = enqueue(step, () => setReady(true));
    return () => {
      unsubscribe();
      dequeue();
    };
  }, [ready, step, subscribeReveal]);
  return ready ? children : (pending ?? null);
}
