// What the "New item" menu lists. The templates themselves (templates.ts) load when one is chosen.

export interface TemplateEntry {
  /** Stable identifier, e.g. for a menu entry's key or a URL parameter. */
  id: string;
  /** Short name shown in the "New item" menu. */
  title: string;
  /** One or two sentences saying what kind of model the template describes. */
  description: string;
}

/** The "New item" templates, in menu order. */
export const TEMPLATE_MENU: readonly TemplateEntry[] = [
  {
    id: 'scene-classification',
    title: 'Scene classification (Sentinel-2, ResNet, PyTorch)',
    description: 'One class per image patch from all 13 Sentinel-2 bands.',
  },
  {
    id: 'semantic-segmentation',
    title: 'Semantic segmentation (U-Net, RGB + NIR)',
    description: 'A class for every pixel of 4-band aerial imagery, with class colours.',
  },
  {
    id: 'object-detection',
    title: 'Object detection (YOLO-style, ONNX)',
    description: 'Boxes, scores and class labels for objects in RGB images.',
  },
  {
    id: 'pixel-classifier',
    title: 'Pixel classifier (Random Forest, scikit-learn)',
    description: 'Classifies each pixel from its Landsat band values; runs on a CPU.',
  },
  {
    id: 'embedding',
    title: 'Embeddings (ViT encoder, similarity search)',
    description: 'Turns image patches into vectors for finding similar places.',
  },
];
