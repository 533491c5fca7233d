import type { Finding } from '../../schemas/finding';
import { ARTIFACT_TYPES, FRAMEWORKS, TASKS } from '../../schemas/mlm';
import { isRecord } from '../../schemas/isRecord';
import { hasModelRole, lintFinding, pointer, strings, type Tensor } from './lintFinding';

const squash = (s: string) => s.toLowerCase().replace(/[\s._-]/g, '');

// Common short names people write for the listed frameworks.
const FRAMEWORK_ALIASES: Record<string, (typeof FRAMEWORKS)[number]> = {
  torch: 'PyTorch',
  tf: 'TensorFlow',
  sklearn: 'scikit-learn',
  scikit: 'scikit-learn',
  huggingface: 'Hugging Face',
  hf: 'Hugging Face',
  paddlepaddle: 'Paddle',
};

/** The listed spelling a framework name means, when it clearly means one. */
export function canonicalFramework(name: string): (typeof FRAMEWORKS)[number] | undefined {
  const key = squash(name);
  // Own aliases only: "constructor" or "__proto__" would otherwise find Object's own members.
  return (
    FRAMEWORKS.find((f) => squash(f) === key) ??
    (Object.hasOwn(FRAMEWORK_ALIASES, key) ? FRAMEWORK_ALIASES[key] : undefined)
  );
}

/** The frameworks an artifact type is written by. */
function artifactFrameworks(type: string): readonly string[] | undefined {
  if (/^(safetensors\.)?torch\./u.test(type)) {
    return ['PyTorch'];
  }
  if (/^(tf\.|safetensors\.tensorflow\.)/u.test(type)) {
    return ['TensorFlow', 'Keras'];
  }
  if (type.startsWith('safetensors.flax.')) {
    return ['Flax', 'JAX'];
  }
  if (type.startsWith('safetensors.paddle.')) {
    return ['Paddle'];
  }
  return type === 'onnx' ? ['ONNX'] : undefined;
}

interface Scope {
  at: string;
  fields: Record<string, unknown>;
}

function scopes(item: Record<string, unknown>): Scope[] {
  const props = isRecord(item.properties) ? [{ at: '/properties', fields: item.properties }] : [];
  const assets = isRecord(item.assets)
    ? Object.entries(item.assets).flatMap(([k, a]) =>
        isRecord(a) ? [{ at: pointer('assets', k), fields: a }] : [],
      )
    : [];
  return [...props, ...assets];
}

/** L9, L10, L13: accelerator and framework advice, on the properties and on each asset. */
function runtimeRules(item: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const itemFields = isRecord(item.properties) ? item.properties : {};
  for (const { at, fields } of scopes(item)) {
    const acc = fields['mlm:accelerator'];
    // An asset inherits the item's value unless it sets its own.
    const constrained =
      fields['mlm:accelerator_constrained'] ?? itemFields['mlm:accelerator_constrained'];
    const accPath = `${at}/mlm:accelerator`;
    const conPath = `${at}/mlm:accelerator_constrained`;
    if (acc === 'cpu') {
      findings.push(
        lintFinding(
          'warning',
          9,
          accPath,
          '"cpu" is an alias of "amd64" that the MLM schema does not accept; use "amd64".',
          {
            label: 'Use "amd64"',
            operations: [{ op: 'set', path: accPath, value: 'amd64' }],
          },
        ),
      );
    }
    if ((acc === 'amd64' || acc === 'cpu') && constrained !== true) {
      findings.push(
        lintFinding(
          'warning',
          10,
          'mlm:accelerator_constrained' in fields ? conPath : accPath,
          'With the amd64 (CPU-only) accelerator, set mlm:accelerator_constrained to true.',
          {
            label: 'Set accelerator_constrained to true',
            operations: [{ op: 'set', path: conPath, value: true }],
          },
        ),
      );
    }
    if (
      (acc === null || (acc === undefined && at === '/properties')) &&
      fields['mlm:accelerator_constrained'] === true
    ) {
      findings.push(
        lintFinding(
          'warning',
          10,
          conPath,
          'No accelerator is given, so the model runs anywhere; mlm:accelerator_constrained should be false (or left out).',
          {
            label: 'Set accelerator_constrained to false',
            operations: [{ op: 'set', path: conPath, value: false }],
          },
        ),
      );
    }
    const fw = fields['mlm:framework'];
    if (typeof fw === 'string' && !(FRAMEWORKS as readonly string[]).includes(fw)) {
      const canon = canonicalFramework(fw);
      const path = `${at}/mlm:framework`;
      findings.push(
        canon
          ? lintFinding(
              'warning',
              13,
              path,
              `Write the framework as "${canon}", the common spelling, instead of "${fw}".`,
              {
                label: `Use "${canon}"`,
                operations: [{ op: 'set', path, value: canon }],
              },
            )
          : lintFinding(
              'info',
              13,
              path,
              `"${fw}" is not one of the common framework names (${FRAMEWORKS.join(', ')}); use one of them if it fits.`,
            ),
      );
    }
  }
  return findings;
}

/** L7, L14, L15, L20: model assets. */
function assetRules(item: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const assets = isRecord(item.assets) ? item.assets : {};
  const models = Object.entries(assets).filter(([, a]) => hasModelRole(a)) as [
    string,
    Record<string, unknown>,
  ][];
  if (isRecord(item.assets) && models.length === 0) {
    findings.push(
      lintFinding(
        'error',
        7,
        '/assets',
        'No asset has the "mlm:model" role; add it to the roles of the asset holding the model file.',
      ),
    );
  }
  const itemFw = isRecord(item.properties) ? item.properties['mlm:framework'] : undefined;
  const seen = new Map<string, string>();
  for (const [key, asset] of models) {
    const type = asset['mlm:artifact_type'];
    const path = pointer('assets', key, 'mlm:artifact_type');
    if (typeof type === 'string') {
      const listed = ARTIFACT_TYPES.find((t) => t.toLowerCase() === type.toLowerCase());
      if (listed && listed !== type) {
        findings.push(
          lintFinding(
            'warning',
            14,
            path,
            `Write the artifact type as "${listed}" instead of "${type}".`,
            {
              label: `Use "${listed}"`,
              operations: [{ op: 'set', path, value: listed }],
            },
          ),
        );
      }
      const fw = asset['mlm:framework'] ?? itemFw;
      const canon = typeof fw === 'string' ? canonicalFramework(fw) : undefined;
      const expected = artifactFrameworks(listed ?? type);
      if (canon && expected && !expected.includes(canon)) {
        findings.push(
          lintFinding(
            'warning',
            14,
            path,
            `The artifact type "${type}" is written by ${expected.join(' or ')}, but the framework is ${canon}; check which one is right.`,
          ),
        );
      }
      const first = seen.get(type);
      if (first !== undefined) {
        findings.push(
          lintFinding(
            'warning',
            15,
            path,
            `Assets "${first}" and "${key}" both have artifact type "${type}"; several model assets should differ by their artifact type.`,
          ),
        );
      } else {
        seen.set(type, key);
      }
    }
    if (typeof asset.type === 'string' && /^application\/x-/iu.test(asset.type)) {
      findings.push(
        lintFinding(
          'info',
          20,
          pointer('assets', key, 'type'),
          `Prefer a standard media type with a parameter, such as "application/octet-stream; framework=pytorch", over "${asset.type}".`,
        ),
      );
    }
  }
  return findings;
}

const CLASS_TASKS = new Set([
  'classification',
  'scene-classification',
  'segmentation',
  'semantic-segmentation',
  'instance-segmentation',
  'panoptic-segmentation',
]);

/** L8, L11, L22, L23: item-level model description. */
function propertyRules(props: Record<string, unknown>, tensors: readonly Tensor[]): Finding[] {
  const findings: Finding[] = [];
  const pretrained = props['mlm:pretrained'];
  const source = props['mlm:pretrained_source'];
  const sourcePath = '/properties/mlm:pretrained_source';
  if (pretrained === false && source !== null) {
    findings.push(
      lintFinding(
        'warning',
        8,
        source === undefined ? '/properties/mlm:pretrained' : sourcePath,
        source === undefined
          ? 'The model is trained from scratch, so set mlm:pretrained_source to null explicitly.'
          : `The model is trained from scratch (mlm:pretrained is false), but a pretraining source ${JSON.stringify(source)} is given; set it to null, or set mlm:pretrained to true.`,
        {
          label: 'Set pretrained_source to null',
          operations: [{ op: 'set', path: sourcePath, value: null }],
        },
      ),
    );
  }
  if (pretrained === true && (source === undefined || source === null)) {
    findings.push(
      lintFinding(
        'info',
        8,
        '/properties/mlm:pretrained',
        'The model is pretrained; say on what in mlm:pretrained_source.',
      ),
    );
  }
  const tasks = props['mlm:tasks'];
  if (Array.isArray(tasks)) {
    const outputTasks = [
      ...new Set(tensors.flatMap((t) => (t.kind === 'output' ? strings(t.value.tasks) : []))),
    ].filter((t) => (TASKS as readonly string[]).includes(t));
    if (tasks.length === 0) {
      findings.push(
        lintFinding(
          'warning',
          11,
          '/properties/mlm:tasks',
          'mlm:tasks is empty; list what the model does.',
          outputTasks.length > 0
            ? {
                label: "Use the outputs' tasks",
                operations: [{ op: 'set', path: '/properties/mlm:tasks', value: outputTasks }],
              }
            : undefined,
        ),
      );
    } else {
      // An imported list may hold objects or numbers: shown as JSON, not as "[object Object]".
      const listed = tasks.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
      for (const t of tensors) {
        if (t.kind !== 'output' || !Array.isArray(t.value.tasks)) {
          continue;
        }
        t.value.tasks.forEach((task: unknown, j) => {
          if (typeof task !== 'string' || tasks.includes(task)) {
            return;
          }
          const valid = (TASKS as readonly string[]).includes(task);
          findings.push(
            lintFinding(
              'warning',
              11,
              `${t.at}/tasks/${j}`,
              `The output task "${task}" is not in mlm:tasks (${listed}); an output's tasks must be a subset of the model's tasks.`,
              valid
                ? {
                    label: `Add "${task}" to mlm:tasks`,
                    operations: [
                      { op: 'set', path: `/properties/mlm:tasks/${tasks.length}`, value: task },
                    ],
                  }
                : undefined,
            ),
          );
        });
      }
    }
  }
  const name = props['mlm:name'];
  const arch = props['mlm:architecture'];
  if (
    typeof name === 'string' &&
    typeof arch === 'string' &&
    name.trim().toLowerCase() === arch.trim().toLowerCase()
  ) {
    findings.push(
      lintFinding(
        'warning',
        22,
        '/properties/mlm:name',
        `mlm:name is just the architecture ("${arch}"); name this trained model, e.g. with its data or purpose.`,
      ),
    );
  }
  for (const t of tensors) {
    const classTask = strings(t.value.tasks).find((task) => CLASS_TASKS.has(task));
    // An output with the legacy key already gets L24, which offers the migration.
    if (
      t.kind === 'output' &&
      classTask &&
      t.value['classification:classes'] === undefined &&
      t.value.classification_classes === undefined
    ) {
      findings.push(
        lintFinding(
          'info',
          23,
          t.at,
          `This ${classTask} output does not list its classes; add classification:classes.`,
        ),
      );
    }
  }
  return findings;
}

/** Rules about the model as a whole: L7–L11, L13–L15, L20, L22 and L23. */
export function lintModel(item: Record<string, unknown>, tensors: readonly Tensor[]): Finding[] {
  const props = isRecord(item.properties) ? item.properties : undefined;
  return [
    ...runtimeRules(item),
    ...assetRules(item),
    ...(props ? propertyRules(props, tensors) : []),
  ];
}
