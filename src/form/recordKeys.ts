import type { RecordNode } from './fieldNode';
import { isRecordEntry } from './fieldPath';

/** Indexes of entries whose key an earlier or later entry repeats. */
export function duplicateKeyIndexes(entries: unknown): number[] {
  if (!Array.isArray(entries)) {
    return [];
  }
  const seen = new Map<string, number>();
  for (const entry of entries) {
    if (isRecordEntry(entry)) {
      seen.set(entry.key, (seen.get(entry.key) ?? 0) + 1);
    }
  }
  return entries.flatMap((entry, index) =>
    isRecordEntry(entry) && (seen.get(entry.key) ?? 0) > 1 ? [index] : [],
  );
}

/** What is wrong with a key that the document could not hold or the schema does not allow. */
export function keyProblem(node: RecordNode, key: string, duplicate: boolean): string | undefined {
  if (duplicate) {
    return `Another ${node.entryLabel.toLowerCase()} has this key: keys must be unique.`;
  }
  if (node.keyOptions && !node.keyOptions.includes(key)) {
    return `Use one of: ${node.keyOptions.join(', ')}.`;
  }
  // A new entry's empty key is not flagged until something is typed.
  if (node.keyPattern && key !== '' && !node.keyPattern.test(key)) {
    return `This key does not match the pattern ${node.keyPattern.source}.`;
  }
  return undefined;
}
