// The item's training-data links and their legend colours: cheap, so the editor reads them on
// every change while the panel and the extent reader load lazily.

/** Legend colours by ml-aoi:split, dark enough to read on the basemap. */
export const SPLIT_COLORS: Readonly<Record<string, string>> = {
  train: '#1565c0',
  validate: '#2e7d32',
  test: '#c62828',
};
export const OTHER_SPLIT_COLOR = '#6a1b9a';

export interface TrainingLink {
  /** Position in the item's links (for a stable key). */
  index: number;
  href: string;
  title?: string;
  split?: string;
  role?: string;
}

/** The item's training-data links (rel "derived_from"), as the panel lists them. */
export function trainingLinksOf(links: unknown): TrainingLink[] {
  if (!Array.isArray(links)) {
    return [];
  }
  return links.flatMap((link: unknown, index) => {
    if (typeof link !== 'object' || link === null) {
      return [];
    }
    const l = link as Record<string, unknown>;
    if (l.rel !== 'derived_from' || typeof l.href !== 'string') {
      return [];
    }
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    return [
      {
        index,
        href: l.href,
        title: text(l.title),
        split: text(l['ml-aoi:split']),
        role: text(l['ml-aoi:role']),
      },
    ];
  });
}

/** The legend colour of a split; an item's "constructor" or "__proto__" split is just another. */
export const splitColor = (split: string | undefined) =>
  (split !== undefined && Object.hasOwn(SPLIT_COLORS, split) && SPLIT_COLORS[split]) ||
  OTHER_SPLIT_COLOR;
