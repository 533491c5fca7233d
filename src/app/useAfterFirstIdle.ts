import { useEffect, useState } from 'react';

import { whenIdle } from '../shared/whenIdle';

/**
 * False until the browser is first idle after `enabled` turns true, then true for good. Heavy
 * panels that are not the form (the JSON editor) wait for it, so the form takes input first.
 */
export function useAfterFirstIdle(enabled: boolean, timeoutMs = 1500): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled || idle) {
      return;
    }
    return whenIdle(() => setIdle(true), timeoutMs);
  }, [enabled, idle, timeoutMs]);
  return idle;
}
