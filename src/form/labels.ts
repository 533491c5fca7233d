import type { FieldNode } from './fieldNode';

/**
 * A readable label for a key without metadata: "mlm:framework_version" → "Framework version",
 * "colorHint" → "Color hint". A namespace prefix ("mlm:") is dropped: the section says it.
 */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/^[\w-]+:(?=.)/u, '')
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/[_\-\s.]+/gu, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? key : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The label of one element of a list: "Classes" → "Class", "Providers" → "Provider". */
export function singularLabel(label: string): string {
  if (/ies$/u.test(label)) {
    return `${label.slice(0, -3)}y`;
  }
  if (/(ss|sh|ch|x)es$/u.test(label)) {
    return label.slice(0, -2);
  }
  if (/[^s]s$/u.test(label)) {
    return label.slice(0, -1);
  }
  return label === '' ? 'Item' : label;
}

/** How a union option is named on its toggle when it has no label of its own. */
export function kindLabel(node: FieldNode): string {
  switch (node.kind) {
    case 'string':
      return 'Text';
    case 'number':
      return node.integer ? 'Whole number' : 'Number';
    case 'boolean':
      return 'True/false';
    case 'enum':
      return node.options.length <= 3
        ? node.options.join(' / ')
        : `${node.options.slice(0, 2).join(' / ')} …`;
    case 'literal':
      return String(node.value);
    case 'array':
      return 'List';
    case 'record':
      return 'Map';
    case 'json':
      return 'JSON';
    default:
      return 'Object';
  }
}
