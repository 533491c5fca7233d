/** Files that hold a footprint rather than an item: dropped on the page, they set the geometry. */
export function isFootprintFile(name: string): boolean {
  return /\.(geojson|wkt)$/iu.test(name);
}
