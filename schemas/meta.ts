import type * as z from 'zod';

/**
 * Widgets the form renderer knows how to pick for a field. The generic kinds follow from the Zod
 * type; these hints name the special ones.
 */
export type WidgetHint =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'checkbox'
  | 'select'
  | 'autocomplete'
  | 'chips'
  | 'list'
  | 'datetime'
  | 'url'
  | 'json'
  | 'shape'
  | 'dimOrder'
  | 'bands'
  | 'classes'
  | 'keyValue'
  | 'geometry'
  | 'bbox'
  | 'mediaType'
  | 'license'
  | 'checksum'
  | 'bytes';

declare module 'zod' {
  interface GlobalMeta {
    /** Short field label shown in the form. */
    label?: string;
    /** One-line help text in plain words. */
    help?: string;
    /** Link to the place in the specification that defines the field. */
    spec?: string;
    /** Which widget renders the field. */
    widget?: WidgetHint;
    /** Values to suggest for an open vocabulary (free text is still allowed). */
    suggestions?: readonly string[];
    /** The extension schema URL a field belongs to, so the editor can manage `stac_extensions`. */
    extension?: string;
    /** Set by `integer()`: a JSON Schema integer (Zod's own int type stops at 2^53). */
    jsonType?: 'integer';
  }
}

export type FieldMeta = z.GlobalMeta;
