import type { ComponentType } from 'react';

import type { WidgetHint } from '../../schemas/meta';
import type { ArrayNode, FieldKind, ResolvedNode } from './fieldNode';
import { isOpenVocabulary, resolveNode } from './fieldNode';
import { isRecordEntry } from './fieldPath';
import type { FieldProps } from './fieldProps';
import { ArrayField } from './fields/ArrayField';
import { BooleanField } from './fields/BooleanField';
import { ChipsPreview } from './fields/ChipsPreview';
import { DiscriminatedUnionField } from './fields/DiscriminatedUnionField';
import { EnumField } from './fields/EnumField';
import { JsonField } from './fields/JsonField';
import { LiteralField } from './fields/LiteralField';
import { NumberField } from './fields/NumberField';
import { ObjectField } from './fields/ObjectField';
import { RecordField } from './fields/RecordField';
import { TextInputField } from './fields/TextInputField';
import { TypedValueField } from './fields/TypedValueField';
import { UnionField } from './fields/UnionField';
import { isPlainObject } from './jsonValue';
import { lazyWidget } from './lazyWidget';
import { matchUnionOption } from './unionMatch';

// Node kind + widget hint → component. The app adds its own widgets by hint (a shape editor, a
// band table, a map) with registerWidget; every hint in schemas/meta.ts has a generic fallback.

export interface WidgetDefinition {
  component: ComponentType<FieldProps>;
  /**
   * Whether the widget can show a (present, non-null) value. Values it cannot show are edited
   * in the JSON editor instead, so nothing is lost. Defaults to the check of the node's kind.
   */
  accepts?: (value: unknown, node: ResolvedNode) => boolean;
  /**
   * The widget renders nested fields through ChildField (objects, lists). Other widgets own
   * their whole subtree: focus and error messages for paths inside them land on them.
   */
  container?: boolean;
}

type Accepts = NonNullable<WidgetDefinition['accepts']>;

// Widgets are typed by the node they render; the registry hands each only nodes it can take.
function define<N extends ResolvedNode>(
  component: ComponentType<FieldProps<N>>,
  accepts: Accepts,
  container = false,
): Required<WidgetDefinition> {
  return { component: component as unknown as ComponentType<FieldProps>, accepts, container };
}

const isString: Accepts = (v) => typeof v === 'string';
const any: Accepts = () => true;

const chipAccepts: Accepts = (value, node) => {
  if (!Array.isArray(value) || node.kind !== 'array') {
    return false;
  }
  const item = resolveNode(node.item);
  return value.every((v) =>
    item.kind === 'number'
      ? typeof v === 'number'
      : item.kind === 'enum'
        ? typeof v === 'string' || typeof v === 'number'
        : typeof v === 'string',
  );
};

// The two autocomplete widgets load after the first render; plain inputs stand in until then.
const OpenVocabularyField = lazyWidget(
  () => import('./fields/OpenVocabularyField').then((m) => m.OpenVocabularyField),
  TextInputField,
);
const ChipsField = lazyWidget(
  () => import('./fields/ChipsField').then((m) => m.ChipsField),
  ChipsPreview,
);

const widgets = {
  text: define(TextInputField, isString),
  openVocabulary: define(OpenVocabularyField, isString),
  number: define(NumberField, (v) => typeof v === 'number'),
  boolean: define(BooleanField, (v) => typeof v === 'boolean'),
  enum: define(EnumField, (v) => typeof v === 'string' || typeof v === 'number'),
  literal: define(LiteralField, (v) => v === null || typeof v !== 'object'),
  chips: define(ChipsField, chipAccepts),
  list: define(ArrayField, (v) => Array.isArray(v), true),
  object: define(ObjectField, isPlainObject, true),
  record: define(RecordField, (v) => Array.isArray(v) && v.every(isRecordEntry), true),
  union: define(UnionField, (v, n) => n.kind === 'union' && matchUnionOption(n, v) >= 0, true),
  discriminatedUnion: define(DiscriminatedUnionField, isPlainObject, true),
  json: define(JsonField, any),
  typed: define(TypedValueField, any),
};

/** Arrays of short values (text, numbers, choices) are edited as chips. */
function hasChipItems(node: ArrayNode): boolean {
  const item = resolveNode(node.item);
  return (
    !item.nullable && (item.kind === 'string' || item.kind === 'number' || item.kind === 'enum')
  );
}

function byKind(node: ResolvedNode): Required<WidgetDefinition> {
  switch (node.kind) {
    case 'string':
      return isOpenVocabulary(node) ? widgets.openVocabulary : widgets.text;
    case 'number':
      return widgets.number;
    case 'boolean':
      return widgets.boolean;
    case 'enum':
      return widgets.enum;
    case 'literal':
      return widgets.literal;
    case 'object':
      return widgets.object;
    case 'array':
      return hasChipItems(node) ? widgets.chips : widgets.list;
    case 'record':
      return widgets.record;
    case 'union':
      return widgets.union;
    case 'discriminatedUnion':
      return widgets.discriminatedUnion;
    case 'json':
      return widgets.typed;
  }
}

const TEXT_KINDS: readonly FieldKind[] = ['string', 'json'];

/** The built-in widget for a hint, when the hint suits the node's kind. */
function byHint(hint: WidgetHint, node: ResolvedNode): Required<WidgetDefinition> | undefined {
  const textual = TEXT_KINDS.includes(node.kind);
  switch (hint) {
    case 'text':
    case 'textarea':
    case 'url':
    case 'datetime':
    case 'checksum':
      return textual ? widgets.text : undefined;
    case 'autocomplete':
    case 'mediaType':
    case 'license':
      return textual ? widgets.openVocabulary : undefined;
    case 'select':
      if (node.kind === 'string') {
        return widgets.openVocabulary;
      }
      return node.kind === 'enum' ? widgets.enum : undefined;
    case 'number':
    case 'integer':
    case 'bytes':
      return node.kind === 'number' ? widgets.number : undefined;
    case 'checkbox':
      return node.kind === 'boolean' ? widgets.boolean : undefined;
    case 'chips':
    case 'shape':
    case 'dimOrder':
    case 'bbox':
      return node.kind === 'array' && hasChipItems(node) ? widgets.chips : undefined;
    case 'list':
    case 'bands':
    case 'classes':
      return node.kind === 'array' ? widgets.list : undefined;
    case 'keyValue':
      return node.kind === 'record' ? widgets.record : undefined;
    case 'json':
    case 'geometry':
      return widgets.json;
  }
}

const custom = new Map<string, WidgetDefinition>();

/**
 * Renders every field whose metadata names `hint` (`.meta({ widget: hint })`) with `component`.
 * Register at module scope, before the form renders. Values the widget cannot show (see
 * `accepts`) still open in the JSON editor.
 */
export function registerWidget(
  hint: WidgetHint,
  component: ComponentType<FieldProps>,
  options: Omit<WidgetDefinition, 'component'> = {},
): void {
  custom.set(hint, { component, ...options });
}

/** Removes a registered widget (tests; a feature being switched off). */
export function unregisterWidget(hint: WidgetHint): void {
  custom.delete(hint);
}

/** The widget for a node: a registered widget for its hint, the built-in one, or its kind's. */
export function resolveWidget(node: ResolvedNode): Required<WidgetDefinition> {
  const fallback = byKind(node);
  const registered = node.widget ? custom.get(node.widget) : undefined;
  if (registered) {
    return {
      component: registered.component,
      accepts: registered.accepts ?? fallback.accepts,
      container: registered.container ?? false,
    };
  }
  return (node.widget && byHint(node.widget, node)) || fallback;
}

/** The JSON editor, for values no other widget can show. */
export const JSON_WIDGET: Required<WidgetDefinition> = widgets.json;
