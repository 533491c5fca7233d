import { type ReactNode, useEffect, useState } from 'react';

import { useFormRuntime } from './formRuntime';

/** Frames between two deferred groups, so each commits on its own. */
const FRAMES_PER_STEP = 1;

/**
 * Renders `children` shortly after the form's first paint: group `step` waits `step` frames.
 * A big item's first screen is up before the groups below the fold are built. Not a transition:
 * other updates (autosave, the JSON text) would restart it, and the whole form is ready sooner
 * in one go. A request to show a field (focus from the Issues panel) renders at once.
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
    let frames = step * FRAMES_PER_STEP;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let handle = 0;
    // After a frame (its paint) and then a task: rAF alone would run before that frame paints.
    const tick = () => {
      frames -= 1;
      if (frames <= 0) {
        timer = setTimeout(() => setReady(true), 0);
      } else {
        handle = requestAnimationFrame(tick);
      }
    };
    handle = requestAnimationFrame(tick);
    return () => {
      unsubscribe();
      cancelAnimationFrame(handle);
      clearTimeout(timer);
    };
  }, [ready, step, subscribeReveal]);
  return ready ? children : (pending ?? null);
}
