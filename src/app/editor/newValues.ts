import { isRecord } from '../../../schemas/isRecord';
import type { NewEntryFactory, NewItemFactory } from '../../form/formRuntime';
import { newInput, newModelAsset, newOutput } from '../../import/blankItem';

/** "Add input" / "Add output" start from a usable tensor description, not an empty object. */
export const newListItem: NewItemFactory = (listPath) => {
  if (listPath === 'properties.mlm:input') {
    return newInput();
  }
  if (listPath === 'properties.mlm:output') {
    return newOutput();
  }
  return undefined;
};

const hasModelAsset = (entries: readonly unknown[]) =>
  entries.some(
    (e) =>
      isRecord(e) &&
      isRecord(e.value) &&
      Array.isArray(e.value.roles) &&
      e.value.roles.includes('mlm:model'),
  );

/** The first asset added is the model file, with its role and artifact type already set. */
export const newRecordEntry: NewEntryFactory = (recordPath, entries) => {
  if (recordPath !== 'assets') {
    return undefined;
  }
  const taken = new Set(entries.map((e) => (isRecord(e) ? e.key : undefined)));
  if (!hasModelAsset(entries)) {
    const key = taken.has('model') ? `model_${entries.length + 1}` : 'model';
    return { key, value: newModelAsset() };
  }
  let n = entries.length + 1;
  while (taken.has(`asset_${n}`)) {
    n += 1;
  }
  return { key: `asset_${n}`, value: { href: '', roles: [] } };
};
