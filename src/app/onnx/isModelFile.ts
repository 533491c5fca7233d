/**
 * Model files and their companions: dropped on the page they go to the ONNX import (which says
 * what a non-ONNX model file is), not to the item reader.
 */
const MODEL_EXTENSIONS =
  /\.(onnx|onnx_data|onnx\.data|ort|pt|pth|pb|tflite|safetensors|h5|keras)$/iu;

export function isModelFile(name: string): boolean {
  return MODEL_EXTENSIONS.test(name);
}

/** Whether a drop or pick is a model (with data files) rather than an item JSON. */
export function isModelDrop(files: readonly { name: string }[]): boolean {
  return files.some((f) => isModelFile(f.name));
}
