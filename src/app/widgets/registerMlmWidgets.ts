import { isRecord } from '../../../schemas/primitives';
import { resolveNode } from '../../form/fieldNode';
import { registerWidget } from '../../form/registry';
import { BandPicker } from './BandPicker';
import { ClassTable } from './ClassTable';
import { ShapeEditor } from './ShapeEditor';

// The MLM-specific widgets, registered by the widget hints the Zod model carries. Values a widget
// cannot show fall back to the generic editors (e.g. derived band objects, raster band lists).
registerWidget('shape', ShapeEditor, {
  accepts: (v) => Array.isArray(v) && v.every((d) => typeof d === 'number'),
});
registerWidget('bands', BandPicker, {
  accepts: (v, node) =>
    node.kind === 'array' &&
    resolveNode(node.item).kind === 'union' &&
    Array.isArray(v) &&
    v.every((b) => typeof b === 'string'),
});
registerWidget('classes', ClassTable, {
  accepts: (v) => Array.isArray(v) && v.every(isRecord),
});
