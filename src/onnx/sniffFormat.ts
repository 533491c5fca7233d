/** What a file that is clearly not a binary ONNX model looks like, in words for the user. */
export interface DetectedFormat {
  /** Short name, e.g. "PNG image", "Git LFS pointer". */
  detected: string;
  /** What it is and what to do instead. */
  message: string;
}

/** How many leading bytes `sniffFormat` looks at. */
export const SNIFF_BYTES = 1024;

const ONNX_HINT = 'Choose the binary .onnx model file.';

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) {
    return false;
  }
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

/** Leading text without a BOM and whitespace, lower-cased, when the bytes could be text. */
function leadingText(head: Uint8Array): string {
  let start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (start < head.length && [0x20, 0x09, 0x0a, 0x0d, 0x0c].includes(head[start] ?? 0)) {
    start++;
  }
  return new TextDecoder('utf-8', { fatal: false })
    .decode(head.subarray(start, Math.min(head.length, start + 256)))
    .toLowerCase();
}

/**
 * Text has no control characters besides whitespace and (nearly) valid UTF-8. A protobuf cannot
 * pass: its tags and lengths are small control bytes or invalid UTF-8 within the first few bytes.
 */
function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return true; // UTF-16 BOM
  }
  let invalid = 0;
  let i = 0;
  while (i < head.length) {
    const b = head[i] ?? 0;
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
        return false;
      }
      i++;
    } else if (b < 0x7f) {
      i++;
    } else {
      const extra = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
      let ok = extra > 0;
      for (let k = 1; ok && k <= extra; k++) {
        const next = head[i + k];
        // A sequence cut by the end of the sniffed bytes is fine.
        ok = next === undefined || (next & 0xc0) === 0x80;
      }
      if (ok) {
        i += extra + 1;
      } else {
        invalid++;
        i++;
      }
    }
  }
  return invalid <= head.length / 50;
}

/**
 * Says what a file is when its first bytes show it is clearly not a binary ONNX model, so the user
 * gets "this is a Git LFS pointer" instead of "corrupt protobuf". Undefined when it may be ONNX.
 * `head` is the start of the file (SNIFF_BYTES are enough), `size` the whole file's size.
 */
export function sniffFormat(head: Uint8Array, size = head.length): DetectedFormat | undefined {
  if (size === 0 || head.length === 0) {
    return {
      detected: 'empty file',
      message: 'The file is empty (0 bytes): the download or copy probably failed. ' + ONNX_HINT,
    };
  }
  const text = leadingText(head);
  if (text.startsWith('version https://git-lfs.github.com/spec/')) {
    return {
      detected: 'Git LFS pointer',
      message:
        'This is a Git LFS pointer, not the model: the file was downloaded without Git LFS. ' +
        'Run `git lfs pull` or download the real file.',
    };
  }
  if (/^<(!doctype html|html|head|body|meta|title|script|!--)/.test(text)) {
    return {
      detected: 'HTML page',
      message:
        'This is a web page (HTML), not the model: the download link probably returned a login, ' +
        'error or preview page. Download the file itself (on Hugging Face, use the “resolve” link, ' +
        'not “blob”).',
    };
  }
  if (
    /^<\s*(ir_version|opset_import|producer_name|producer_version|domain|model_version|doc_string)\s*:/.test(
      text,
    )
  ) {
    return {
      detected: 'ONNX textual syntax',
      message:
        'This is an ONNX model written in ONNX textual syntax, not the binary format. Convert it ' +
        'with onnx.parser.parse_model and onnx.save, then choose the .onnx file.',
    };
  }
  if (/^(ir_version|producer_name|producer_version|opset_import|graph)\s*[:{]/.test(text)) {
    return {
      detected: 'protobuf text format',
      message:
        'This is an ONNX model in protobuf text format, not the binary format. Convert it with ' +
        'google.protobuf.text_format and onnx.save, then choose the .onnx file.',
    };
  }
  if (text.startsWith('<?xml')) {
    return {
      detected: 'XML file',
      message: `This is an XML file, not an ONNX model. ${ONNX_HINT}`,
    };
  }
  if (text.startsWith('{') || text.startsWith('[')) {
    return {
      detected: 'JSON file',
      message: `This is a JSON file (a config or metadata file?), not an ONNX model. ${ONNX_HINT}`,
    };
  }
  const binary = sniffBinary(head, size);
  if (binary) {
    return binary;
  }
  if (looksLikeText(head)) {
    return {
      detected: 'text file',
      message: `This is a text file, not a binary ONNX model. ${ONNX_HINT}`,
    };
  }
  return undefined;
}

function sniffBinary(head: Uint8Array, size: number): DetectedFormat | undefined {
  if (startsWith(head, [0x89, ...ascii('PNG\r\n\x1a\n')])) {
    return image('PNG image');
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) {
    return image('JPEG image');
  }
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) {
    return image('GIF image');
  }
  if (startsWith(head, ascii('%PDF-'))) {
    return {
      detected: 'PDF document',
      message: `This is a PDF document, not an ONNX model. ${ONNX_HINT}`,
    };
  }
  if (startsWith(head, ascii('PK\x03\x04')) || startsWith(head, ascii('PK\x05\x06'))) {
    return {
      detected: 'zip archive',
      message:
        'This is a zip archive (a PyTorch .pt/.pth checkpoint or a zipped model?), not an ONNX ' +
        'model. Extract the .onnx file from it, or export the PyTorch model with torch.onnx.export.',
    };
  }
  const pickle = head[0] === 0x80 && (head[1] ?? 0) >= 2 && (head[1] ?? 0) <= 5;
  if (pickle) {
    return {
      detected: 'PyTorch pickle',
      message:
        'This is a Python pickle (a legacy PyTorch .pt/.pth checkpoint?), not an ONNX model. ' +
        'Export the model to ONNX with torch.onnx.export first.',
    };
  }
  if (startsWith(head, [0x89, ...ascii('HDF\r\n\x1a\n')])) {
    return {
      detected: 'HDF5 file',
      message:
        'This is an HDF5 file (a Keras .h5 model?), not an ONNX model. Convert it to ONNX first ' +
        '(for example with tf2onnx).',
    };
  }
  if (startsWith(head, ascii('ORTM'), 4)) {
    return {
      detected: 'ONNX Runtime .ort model',
      message:
        'This is an ONNX Runtime .ort model (flatbuffers), not a .onnx protobuf. Choose the ' +
        'original .onnx file it was converted from.',
    };
  }
  if (startsWith(head, ascii('TFL3'), 4)) {
    return {
      detected: 'TensorFlow Lite model',
      message:
        'This is a TensorFlow Lite model (.tflite), not an ONNX model. Convert it to ONNX first ' +
        '(for example with tf2onnx).',
    };
  }
  if (startsWith(head, [0x1f, 0x8b])) {
    return {
      detected: 'gzip archive',
      message: 'This file is gzip-compressed. Decompress it first, then choose the .onnx file.',
    };
  }
  if (startsWith(head, ascii('GGUF'))) {
    return {
      detected: 'GGUF model',
      message: `This is a GGUF model (llama.cpp), not an ONNX model. ${ONNX_HINT}`,
    };
  }
  if (startsWith(head, [0x93, ...ascii('NUMPY')])) {
    return {
      detected: 'NumPy array',
      message: `This is a NumPy array file (.npy), not an ONNX model. ${ONNX_HINT}`,
    };
  }
  if (looksLikeSafetensors(head, size)) {
    return {
      detected: 'safetensors weights',
      message:
        'This is a safetensors weights file: it holds weights only, not a model graph. Export the ' +
        'model to ONNX first.',
    };
  }
  return undefined;
}

/** safetensors: an 8-byte little-endian header length, then a JSON header. */
function looksLikeSafetensors(head: Uint8Array, size: number): boolean {
  if (head.length < 10 || head[8] !== 0x7b) {
    return false;
  }
  let length = 0;
  for (let i = 7; i >= 0; i--) {
    length = length * 256 + (head[i] ?? 0);
  }
  return length > 1 && length <= size - 8 && (head[9] === 0x22 || head[9] === 0x7d);
}

function image(kind: string): DetectedFormat {
  return {
    detected: kind,
    message: `This is a ${kind}, not an ONNX model. ${ONNX_HINT}`,
  };
}
