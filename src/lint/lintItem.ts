import type { Finding } from '../../schemas/finding';
import { isRecord } from '../../schemas/isRecord';
import { lintBands } from './lintBands';
import { tensorsOf } from './lintFinding';
import { lintLegacy } from './lintLegacy';
import { lintModel } from './lintModel';
import { lintTensors } from './lintTensors';

/**
 * The MLM README and best-practice rules that the JSON Schema cannot express (spec notes, section d),
 * as findings with `source: 'lint'`. They never change the schema verdict.
 *
 * Severities: a rule that an official example breaks is at most a warning, so the official
 * examples only ever get warnings and info.
 *
 * Not checked here:
 * - L12 (tasks enum), L25 (`type: null` scaling): the schema itself already decides these.
 * - L16, L21, L27, L28: recommendations (empty band lists, source pinning, companion extensions,
 *   temporal extent) that would put an info on nearly every item without pointing at a mistake.
 * - L30 and every Collection-only rule: the editor lints Items.
 */
export function lintItem(item: unknown): Finding[] {
  if (!isRecord(item) || item.type !== 'Feature') {
    return [];
  }
  const tensors = isRecord(item.properties) ? tensorsOf(item.properties) : [];
  return [
    ...lintTensors(tensors),
    ...lintBands(item, tensors),
    ...lintModel(item, tensors),
    ...lintLegacy(item, tensors),
  ];
}
