import { createContext, useContext } from 'react';

import type { FormValues } from './formValues';

/** What the app can do to a mounted form (the ref of SchemaForm, or useSchemaFormApi inside). */
export interface SchemaFormHandle {
  /**
   * Replaces all values (undo, an edit in the JSON view); does not call onChange. Pass the
   * document the values encode when you have it, to spare decoding them again.
   */
  reset(values: FormValues, doc?: unknown): void;
  /** Focuses a field by path, opening collapsed cards and scrolling long lists on the way. */
  setFocus(fieldPath: string): void;
  /** A copy of the current form values (encoded; see fromFormValues). */
  getValues(): FormValues;
  /** The live form values, for reading at once without a copy: do not keep or change them. */
  readValues(): FormValues;
  /** Sets one field (an encoded value); like a user edit, it is reported through onChange. */
  setValue(fieldPath: string, value: unknown): void;
}

export const SchemaFormApiContext = createContext<SchemaFormHandle | null>(null);

/** The handle of the enclosing SchemaForm, for components rendered inside it. */
export function useSchemaFormApi(): SchemaFormHandle {
  const api = useContext(SchemaFormApiContext);
  if (!api) {
    throw new Error('useSchemaFormApi must be called inside <SchemaForm>.');
  }
  return api;
}
