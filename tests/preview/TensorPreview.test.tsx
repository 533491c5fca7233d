// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PipelineStrip } from '../../src/preview/PipelineStrip';
import { TensorPreview } from '../../src/preview/TensorPreview';
import type { TensorIssue } from '../../src/preview/tensorLayout';
import { getByRole, queryAllByRole, render, visibleText, type Rendered } from '../form/dom';
import { loadExample } from '../support/shared';

const image = {
  name: 'image',
  bands: ['B04', 'B03', 'B02'],
  input: {
    shape: [-1, 3, 224, 224],
    dim_order: ['batch', 'bands', 'height', 'width'],
    data_type: 'float32',
  },
  value_scaling: [{ type: 'z-score', mean: 0.1, stddev: 1.2 }],
};

const segmentation = {
  name: 'mask',
  tasks: ['semantic-segmentation'],
  result: {
    shape: [-1, 2, 64, 64],
    dim_order: ['batch', 'class', 'height', 'width'],
    data_type: 'uint8',
  },
  'classification:classes': [
    { value: 0, name: 'background', description: 'bg', color_hint: '000000' },
    { value: 1, name: 'water', description: 'w', color_hint: '0000FF' },
  ],
};

let rendered: Rendered | undefined;
afterEach(async () => {
  await rendered?.unmount();
  rendered = undefined;
});

describe('TensorPreview', () => {
  it('renders an accessible SVG of an image input', async () => {
    rendered = await render(<TensorPreview tensor={image} role="input" />);
    const svg = getByRole(rendered.container, 'img');
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('aria-label')).toBe(
      'Input “image”: float32 tensor [-1, 3, 224, 224] (batch, bands, height, width)',
    );
    const text = visibleText(svg);
    expect(text).toContain('B04');
    expect(text).toContain('width 224');
    expect(text).toContain('batch × variable');
    expect(text).toContain('all bands: z-score μ=0.1 σ=1.2');
    expect(svg.querySelectorAll('a')).toHaveLength(0);
  });

  it('draws axes with issues in red and reports clicks with the finding path', async () => {
    const onShowIssue = vi.fn();
    const issues: TensorIssue[] = [
      {
        axis: 1,
        message: '3 bands listed but axis size is 4',
        code: 'bands-size',
        path: '/properties/mlm:input/0/input/shape/1',
      },
    ];
    rendered = await render(
      <TensorPreview
        tensor={{ ...image, input: { ...image.input, shape: [-1, 4, 224, 224] } }}
        role="input"
        issues={issues}
        onShowIssue={onShowIssue}
      />,
    );
    const svg = getByRole(rendered.container, 'img');
    expect(svg.getAttribute('aria-label')).toMatch(/; 1 issue$/u);
    const marked = [...svg.querySelectorAll('g[data-issue-path]')];
    // The slice edge label and the axis chip both carry the finding, in red.
    expect(marked.length).toBe(2);
    for (const part of marked) {
      expect(part.getAttribute('data-axis')).toBe('1');
      expect(part.querySelector('title')?.textContent).toContain(
        '3 bands listed but axis size is 4',
      );
      const red = part.querySelector('[fill="#d32f2f"], [stroke="#d32f2f"]');
      expect(red).not.toBeNull();
    }
    // The image holds no controls; the link to the finding is a button beside it.
    expect(svg.querySelector('a, button')).toBeNull();
    // Axes without findings stay in the normal colours.
    const widthGroup = svg.querySelector('g[data-axis="3"]');
    expect(widthGroup?.querySelector('[fill="#d32f2f"]')).toBeNull();
    const button = getByRole(rendered.container, 'button', /3 bands listed/u);
    await act(async () => button.click());
    expect(onShowIssue).toHaveBeenCalledWith('/properties/mlm:input/0/input/shape/1');
  });

  it('renders a segmentation output with its classes legend', async () => {
    rendered = await render(<TensorPreview tensor={segmentation} role="output" />);
    const svg = getByRole(rendered.container, 'img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Output “mask”: uint8 tensor [-1, 2, 64, 64] (batch, class, height, width)',
    );
    const text = visibleText(svg);
    expect(text).toContain('classes (2)');
    expect(text).toContain('1 water');
    expect(text).toContain('semantic-segmentation');
    expect(svg.querySelector('rect[fill="#0000ff"]')).not.toBeNull();
  });

  it('says what is missing instead of failing on garbage', async () => {
    rendered = await render(<TensorPreview tensor={null} role="input" />);
    const svg = getByRole(rendered.container, 'img');
    expect(svg.getAttribute('aria-label')).toMatch(/no tensor shape/u);
    expect(visibleText(svg)).toContain('Nothing to draw: the input is null, not an object');
  });

  it('updates as the tensor changes', async () => {
    rendered = await render(<TensorPreview tensor={image} role="input" />);
    const next = { ...image, input: { ...image.input, data_type: 'uint16' } };
    const root = rendered.root;
    await act(async () => root.render(<TensorPreview tensor={next} role="input" />));
    expect(getByRole(rendered.container, 'img').getAttribute('aria-label')).toMatch(
      /uint16 tensor/u,
    );
  });

  it('renders every tensor of the multi-io example', async () => {
    const props = loadExample('item_multi_io.json')['properties'] as Record<string, unknown[]>;
    rendered = await render(
      <>
        {(props['mlm:input'] ?? []).map((t, i) => (
          <TensorPreview key={`i${i}`} tensor={t} role="input" />
        ))}
        {(props['mlm:output'] ?? []).map((t, i) => (
          <TensorPreview key={`o${i}`} tensor={t} role="output" />
        ))}
      </>,
    );
    const labels = queryAllByRole(rendered.container, 'img').map((e) =>
      e.getAttribute('aria-label'),
    );
    expect(labels).toHaveLength(5);
    expect(labels[2]).toBe('Input “DEM”: float32 tensor [-1, 1, 64, 64] (batch, h, y, x)');
  });
});

describe('PipelineStrip', () => {
  it('shows bands → scaling → input → model → output → classes', async () => {
    rendered = await render(
      <PipelineStrip inputs={[image]} outputs={[segmentation]} modelName="UNet" />,
    );
    const strip = getByRole(rendered.container, 'group');
    expect(strip.getAttribute('aria-label')).toBe('Pipeline: 1 input → UNet → 1 output');
    const text = visibleText(strip);
    const order = [
      'B04, B03, B02',
      'z-score μ=0.1 σ=1.2',
      'image float32 [-1, 3, 224, 224]',
      'UNet',
      'mask uint8 [-1, 2, 64, 64]',
      '2 classes',
    ].map((part) => text.indexOf(part));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists every input and output of an official example, and copes with none', async () => {
    const props = loadExample('item_multi_io.json')['properties'] as Record<string, unknown[]>;
    rendered = await render(
      <PipelineStrip inputs={props['mlm:input'] ?? []} outputs={props['mlm:output'] ?? []} />,
    );
    const strip = getByRole(rendered.container, 'group');
    expect(strip.getAttribute('aria-label')).toBe('Pipeline: 3 inputs → model → 2 outputs');
    expect(strip.querySelectorAll('ol')).toHaveLength(5);
    await rendered.unmount();
    rendered = await render(<PipelineStrip inputs={[]} outputs={[null]} />);
    const empty = visibleText(getByRole(rendered.container, 'group'));
    expect(empty).toContain('No inputs');
    expect(empty).toContain('(unnamed) ? []');
  });
});
