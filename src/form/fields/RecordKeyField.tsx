import type { RecordNode } from '../fieldNode';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { keyProblem } from '../recordKeys';
import { FieldHelpText } from './FieldHelpText';
import { TextBox } from './TextBox';

/** The key of a record entry; renaming keeps the entry in place, duplicates are flagged. */
export function RecordKeyField({
  node,
  path,
  duplicate,
}: {
  node: RecordNode;
  path: string;
  duplicate: boolean;
}) {
  const [value, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const key = typeof value === 'string' ? value : '';
  const problem = keyProblem(node, key, duplicate);
  return (
    <TextBox
      // Focus by path (a new entry, a finding about its key) finds the key here.
      data-field-path={path}
      data-field-leaf=""
      label="Key"
      required
      fullWidth
      size="small"
      value={key}
      onChange={(e) => setValue(e.target.value)}
      error={problem !== undefined || errors.length > 0}
      helperText={<FieldHelpText label="Key" errors={errors} localError={problem} />}
      htmlInput={{ spellCheck: false, autoComplete: 'off' }}
    />
  );
}
