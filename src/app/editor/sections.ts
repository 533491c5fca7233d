// Which fields each part of the editor shows, by form path. The form itself is generic; this is
// where the editor knows what an MLM item is made of.

export interface Section {
  id: string;
  title: string;
  description: string;
  fields: readonly string[];
}

const p = (key: string) => `properties.${key}`;

export const SECTIONS: readonly Section[] = [
  {
    id: 'model',
    title: 'Model',
    description: 'What the model is, what it does and what it needs to run.',
    fields: [
      p('mlm:name'),
      p('mlm:architecture'),
      p('mlm:tasks'),
      p('mlm:framework'),
      p('mlm:framework_version'),
      p('mlm:total_parameters'),
      p('mlm:memory_size'),
      p('mlm:pretrained'),
      p('mlm:pretrained_source'),
      p('mlm:batch_size_suggestion'),
      p('mlm:accelerator'),
      p('mlm:accelerator_constrained'),
      p('mlm:accelerator_summary'),
      p('mlm:accelerator_count'),
    ],
  },
  {
    id: 'inputs',
    title: 'Inputs',
    description: 'The tensors the model takes: bands, shape, dimension names, scaling.',
    fields: [p('mlm:input')],
  },
  {
    id: 'outputs',
    title: 'Outputs',
    description: 'The tensors the model returns, their tasks and classes.',
    fields: [p('mlm:output')],
  },
  {
    id: 'assets',
    title: 'Assets',
    description:
      'The model file (role "mlm:model") and other files: code, containers, checkpoints.',
    fields: ['assets'],
  },
  {
    id: 'hyperparameters',
    title: 'Hyperparameters',
    description: 'Training settings as name/value pairs.',
    fields: [p('mlm:hyperparameters')],
  },
  {
    id: 'training',
    title: 'Training data',
    description:
      'Links to the datasets the model was trained, validated and tested on (rel "derived_from").',
    fields: ['links'],
  },
  {
    id: 'item',
    title: 'Item',
    description: 'The STAC item around the model: identity, dates, license, people, keywords.',
    fields: [
      'id',
      p('title'),
      p('description'),
      p('datetime'),
      p('start_datetime'),
      p('end_datetime'),
      p('license'),
      p('providers'),
      p('keywords'),
      p('version'),
      p('sci:doi'),
      p('sci:citation'),
      'collection',
      'stac_extensions',
    ],
  },
  {
    id: 'footprint',
    title: 'Footprint',
    description: 'Where the model applies: a GeoJSON geometry and its bbox.',
    fields: ['geometry', 'bbox'],
  },
];
