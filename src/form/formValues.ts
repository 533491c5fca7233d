import type { FieldNode } from './fieldNode';
import { resolveNode } from './fieldNode';
import type { RecordEntry } from './fieldPath';
import { getAtPath, isRecordEntry, joinPath, locateFieldPath, splitPath } from './fieldPath';
import { formatPointer, parsePointer } from '../../schemas/jsonPointer';
import { isPlainObject, jsonEqual, setOwn } from './jsonValue';
import { discriminatedOption, matchUnionOption } from './unionMatch';

// Form state mirrors the document, except that records become `{ key, value }` entry lists:
// react-hook-form paths are dot-separated, so a key such as "model.pt" could not be addressed.
// Everything the tree does not describe (unknown keys, values of the wrong type) is carried
// through untouched, so toFormValues → fromFormValues gives back the same document.

export type FormValues = Record<string, unknown>;

/**
 * Marks a value at a record position that is not an object (a list, a string…): wrapped so it
 * cannot be mistaken for an entry list, and shown in the JSON editor.
 */
const RAW_KEY = '$notAnObject';

export function isRawValue(value: unknown): value is { [RAW_KEY]: unknown } {
  return isPlainObject(value) && Object.hasOwn(value, RAW_KEY);
}

/** The form-state form of a document value at `node`. */
export function encodeValue(node: FieldNode, value: unknown): unknown {
  if (value === undefined || value === null) {
    return value;
  }
  const n = resolveNode(node);
  switch (n.kind) {
    case 'object': {
      if (!isPlainObject(value)) {
        return value;
      }
      const children = new Map(n.children.map((c) => [c.key, c.node]));
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        const child = children.get(key);
        setOwn(out, key, child ? encodeValue(child, member) : member);
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => encodeValue(n.item, item)) : value;
    case 'record':
      if (!isPlainObject(value)) {
        return { [RAW_KEY]: value };
      }
      return Object.entries(value).map(([key, member]): RecordEntry => ({
        key,
        value: encodeValue(n.value, member),
      }));
    case 'union': {
      const option = n.options[matchUnionOption(n, value)];
      return option ? encodeValue(option, value) : value;
    }
    case 'discriminatedUnion': {
      const option = discriminatedOption(n, value);
      return option ? encodeValue(option.node, value) : value;
    }
    default:
      return value;
  }
}

/** The document value of form state at `node`; absent (undefined) members are left out. */
export function decodeValue(node: FieldNode, value: unknown): unknown {
  if (value === undefined || value === null) {
    return value;
  }
  const n = resolveNode(node);
  switch (n.kind) {
    case 'object': {
      if (!isPlainObject(value)) {
        return value;
      }
      const children = new Map(n.children.map((c) => [c.key, c.node]));
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        const child = children.get(key);
        const decoded = child ? decodeValue(child, member) : member;
        if (decoded !== undefined) {
          setOwn(out, key, decoded);
        }
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((item) => decodeValue(n.item, item)) : value;
    case 'record': {
      if (isRawValue(value)) {
        return value[RAW_KEY];
      }
      if (!Array.isArray(value)) {
        return value;
      }
      // A later duplicate key wins, as in JSON.parse; the editor flags duplicates.
      const out: Record<string, unknown> = {};
      for (const entry of value) {
        const decoded = isRecordEntry(entry) ? decodeValue(n.value, entry.value) : undefined;
        if (isRecordEntry(entry) && decoded !== undefined) {
          setOwn(out, entry.key, decoded);
        }
      }
      return out;
    }
    case 'union': {
      const option = n.options[matchUnionOption(n, value)];
      return option ? decodeValue(option, value) : value;
    }
    case 'discriminatedUnion': {
      const option = discriminatedOption(n, value);
      return option ? decodeValue(option.node, value) : value;
    }
    default:
      return value;
  }
}

/** Form values for a document (the tree's root is expected to be an object). */
export function toFormValues(tree: FieldNode, doc: unknown): FormValues {
  const encoded = encodeValue(tree, doc);
  return isPlainObject(encoded) ? encoded : { [RAW_KEY]: encoded };
}

/** The document the form values stand for. */
export function fromFormValues(tree: FieldNode, values: FormValues): unknown {
  return isRawValue(values) ? values[RAW_KEY] : decodeValue(tree, values);
}

/**
 * The document after a change at `fieldPath`, decoding only what the change can have touched: the
 * walk follows object members and list items down the path while the document and the form
 * values agree in shape, then decodes that one subtree. Everything else is shared with `doc`, so a
 * keystroke in a big item costs as much as the field it edits. Returns `doc` itself when the
 * change leaves the document equal (react-hook-form also notifies on focus and re-registration).
 */
export function applyFormChange(
  tree: FieldNode,
  doc: unknown,
  values: FormValues,
  fieldPath: string,
): unknown {
  const trail: { container: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  let node = tree;
  let docValue = doc;
  let formValue: unknown = values;
  for (const segment of isRawValue(values) ? [] : splitPath(fieldPath)) {
    const n = resolveNode(node);
    if (n.kind === 'object' && isPlainObject(docValue) && isPlainObject(formValue)) {
      const child = n.children.find((c) => c.key === segment);
      if (!child) {
        break;
      }
      trail.push({ container: docValue, key: segment });
      node = child.node;
      docValue = Object.hasOwn(docValue, segment) ? docValue[segment] : undefined;
      formValue = Object.hasOwn(formValue, segment) ? formValue[segment] : undefined;
    } else if (
      n.kind === 'array' &&
      Array.isArray(docValue) &&
      Array.isArray(formValue) &&
      docValue.length === formValue.length &&
      /^(0|[1-9]\d*)$/u.test(segment) &&
      Number(segment) < docValue.length
    ) {
      const index = Number(segment);
      trail.push({ container: docValue, key: index });
      node = n.item;
      docValue = docValue[index];
      formValue = formValue[index];
    } else {
      // A record, a union, a leaf, or a shape change (an item added): decode from here.
      break;
    }
  }
  let next = trail.length === 0 ? fromFormValues(tree, values) : decodeValue(node, formValue);
  if (jsonEqual(next, docValue)) {
    return doc;
  }
  for (let i = trail.length - 1; i >= 0; i -= 1) {
    const { container, key } = trail[i] as (typeof trail)[number];
    if (Array.isArray(container)) {
      const copy = container.slice();
      copy[key as number] = next;
      next = copy;
    } else {
      const copy = { ...container };
      if (next === undefined) {
        delete copy[key as string];
      } else {
        setOwn(copy, key as string, next);
      }
      next = copy;
    }
  }
  return next;
}

/**
 * The field path of the place a JSON pointer names, e.g. `/assets/model.pt/href` →
 * `assets.2.value.href`. When the pointer goes past what the form renders (an unknown key, an
 * index that does not exist, inside a JSON field), the deepest field on the way is returned;
 * undefined when not even the first token is a field.
 */
export function pointerToFieldPath(
  tree: FieldNode,
  values: FormValues,
  pointer: string,
): string | undefined {
  const tokens = parsePointer(pointer);
  if (!tokens) {
    return undefined;
  }
  let node = tree;
  let value: unknown = values;
  let path = '';
  let deepest: string | undefined;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    const n = resolveNode(node);
    if (n.kind === 'union' || n.kind === 'discriminatedUnion') {
      const option =
        n.kind === 'union'
          ? n.options[matchUnionOption(n, value)]
          : discriminatedOption(n, value)?.node;
      if (!option) {
        break;
      }
      node = option;
      continue;
    }
    if (n.kind === 'object') {
      const child = n.children.find((c) => c.key === token);
      if (!child) {
        break;
      }
      node = child.node;
      path = joinPath(path, token);
      value = isPlainObject(value) && Object.hasOwn(value, token) ? value[token] : undefined;
    } else if (n.kind === 'array') {
      const index = /^(0|[1-9]\d*)$/u.test(token) ? Number(token) : -1;
      if (!Array.isArray(value) || index < 0 || index >= value.length) {
        break;
      }
      node = n.item;
      path = joinPath(path, index);
      value = value[index];
    } else if (n.kind === 'record') {
      const entries: unknown[] = Array.isArray(value) ? value : [];
      const index = lastEntryIndex(entries, token);
      const entry = entries[index];
      if (!isRecordEntry(entry)) {
        break;
      }
      node = n.value;
      path = joinPath(joinPath(path, index), 'value');
      value = entry.value;
    } else {
      break;
    }
    deepest = path;
    i += 1;
  }
  return deepest;
}

/** The JSON pointer of a field path (`assets.2.value.href` → `/assets/model.pt/href`). */
export function fieldPathToPointer(
  tree: FieldNode,
  values: FormValues,
  fieldPath: string,
): string | undefined {
  const location = locateFieldPath(tree, fieldPath, (p) => getAtPath(values, p));
  return location && formatPointer(location.pointer);
}

/** Index of the entry with `key`; the last one, as a later duplicate wins in the document. */
function lastEntryIndex(entries: readonly unknown[], key: string): number {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (isRecordEntry(entry) && entry.key === key) {
      return i;
    }
  }
  return -1;
}
