import { formatBytes } from '../form/formatBytes';

/** Larger files would freeze the text area long before validation finishes. */
export const MAX_ITEM_FILE_BYTES = 50_000_000;

/** Bytes scanned for a NUL byte: any real JSON text has none, most binary formats have one early. */
const BINARY_SNIFF_BYTES = 8192;

export type ItemFileRead = { ok: true; text: string } | { ok: false; message: string };

export interface FileFacts {
  name: string;
  size: number;
  type: string;
}

function looksLikeJsonFile({ name, type }: FileFacts): boolean {
  return (
    /\.(geo)?json$/i.test(name) ||
    type === '' ||
    /[/+]json\b/i.test(type) ||
    type.startsWith('text/')
  );
}

/** Why a file should not be read at all, judged from its name, size and type; undefined if fine. */
export function refuseItemFile(file: FileFacts): string | undefined {
  if (file.size > MAX_ITEM_FILE_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}; the editor opens item files up to ${formatBytes(MAX_ITEM_FILE_BYTES)}.`;
  }
  if (!looksLikeJsonFile(file)) {
    return `${file.name} is not a JSON file (its type is ${file.type}). Open the item's .json file instead.`;
  }
  return undefined;
}

/** Turns a file's bytes into editor text, refusing binary data and text that is not UTF-8. */
export function decodeItemBytes(name: string, bytes: Uint8Array): ItemFileRead {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, message: `${name} looks like a binary file, not JSON text.` };
  }
  try {
    // fatal: a wrong encoding is reported instead of silently turning into U+FFFD; a BOM is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text, so it cannot be JSON.` };
  }
}

/** Reads an opened or dropped file as item text. Never throws: problems come back as a message. */
export async function readItemFile(file: Blob & { name: string }): Promise<ItemFileRead> {
  const refusal = refuseItemFile(file);
  if (refusal) {
    return { ok: false, message: refusal };
  }
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Could not read ${file.name}: ${detail}` };
  }
  return decodeItemBytes(file.name, new Uint8Array(buffer));
}
