import { useCallback, useEffect, useState } from 'react';

import { DEFAULT_PRECISION } from '../../map/footprintPrecision';
import type { FootprintGeometry } from '../../map/footprintTypes';
import type { FootprintSource } from '../editor/useItemDocument';
import { lazyModule } from '../lazyModule';

export interface FootprintNote {
  severity: 'info' | 'warning';
  message: string;
}

// The geometry code is not part of the first load: it comes right after the editor mounts.
const geometryCode = lazyModule(() => import('../../map/normalizeFootprint'));
type GeometryModule = NonNullable<ReturnType<typeof geometryCode.get>>;

/**
 * Every way into the footprint (map, bbox fields, paste, a dropped file, "Global") goes through
 * here: the geometry is normalised (closed rings, right-hand rule, split at the antimeridian,
 * rounded), its bbox derived, and what was fixed or is still wrong is kept for the panel to show.
 */
export function useFootprintEditing(
  setFootprint: (
    geometry: unknown,
    bbox: readonly number[] | undefined,
    source: FootprintSource,
  ) => void,
) {
  const [precision, setPrecision] = useState(DEFAULT_PRECISION);
  const [notes, setNotes] = useState<FootprintNote[]>([]);
  useEffect(() => {
    void geometryCode.load();
  }, []);

  const apply = useCallback(
    (
      geometry: FootprintGeometry | null,
      source: FootprintSource,
      extra: string[] = [],
    ): Promise<void> => {
      if (geometry === null) {
        setNotes([]);
        setFootprint(null, undefined, source);
        return Promise.resolve();
      }
      const run = ({ normalizeFootprint }: GeometryModule) => {
        const normalized = normalizeFootprint(geometry, { precision });
        setNotes([
          ...[...extra, ...normalized.notices].map((message) => ({
            severity: 'info' as const,
            message,
          })),
          ...normalized.problems.map((p) => ({
            severity: 'warning' as const,
            message: p.path ? `${p.message} (at ${p.path})` : p.message,
          })),
        ]);
        setFootprint(normalized.geometry, normalized.bbox, source);
      };
      // Synchronous once loaded: edits of the bbox fields must land in the order they are typed.
      const loaded = geometryCode.get();
      if (loaded) {
        run(loaded);
        return Promise.resolve();
      }
      return geometryCode.load().then(run);
    },
    [precision, setFootprint],
  );

  /** Reads pasted or dropped text; returns the reason when it is not a footprint. */
  const applyText = useCallback(
    async (text: string, origin: string): Promise<string | undefined> => {
      const { parseFootprint } = await import('../../map/parseFootprint');
      const parsed = parseFootprint(text);
      if (!parsed.ok) {
        const where =
          parsed.line !== undefined
            ? ` (line ${parsed.line}${parsed.column !== undefined ? `, column ${parsed.column}` : ''})`
            : '';
        return `${origin}: ${parsed.message}${where}`;
      }
      await apply(parsed.geometry, 'other', parsed.notices);
      return undefined;
    },
    [apply],
  );

  return { precision, setPrecision, notes, apply, applyText };
}
