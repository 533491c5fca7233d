import { isRecord } from '../../../schemas/isRecord';
import { resolveNode } from '../../form/fieldNode';
import { ChipsPreview } from '../../form/fields/ChipsPreview';
import { lazyWidget } from '../../form/lazyWidget';
import { registerWidget } from '../../form/registry';
import { LazyClassTable } from './LazyClassTable';
import { ShapeEditor } from './ShapeEditor';

// The MLM-specific widgets, registered by the widget hints the Zod model carries. Values a widget
// cannot show fall back to the generic editors (e.g. derived band objects, raster band lists).
registerWidget('shape', ShapeEditor, {
  accepts: (v) => Array.isArray(v) && v.every((d) => typeof d === 'number'),
});
// The band picker (MUI Autocomplete) loads when first shown; the band names stand in meanwhile.
const BandPicker = lazyWidget(() => import('./BandPicker').then((m) => m.BandPicker), ChipsPreview);
registerWidget('bands', BandPicker, {
  accepts: (v, node) =>
    node.kind === 'array' &&
    resolveNode(node.item).kind === 'union' &&
    Array.isArray(v) &&
    v.every((b) => typeof b === 'string'),
});
// The table renders a field per cell, so focus by path reaches a class's own cell.
registerWidget('classes', LazyClassTable, {
  accepts: (v) => Array.isArray(v) && v.every(isRecord),
  container: true,
});
