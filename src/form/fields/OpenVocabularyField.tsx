import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

import type { JsonNode, StringNode } from '../fieldNode';
import type { FieldProps } from '../fieldProps';
import { useFieldErrors } from '../formRuntime';
import { useFieldValue } from '../useFieldValue';
import { FieldRow } from './FieldActions';
import { FieldHelpText } from './FieldHelpText';

/** Free text with suggestions (an open vocabulary such as a framework or a media type). */
export function OpenVocabularyField(props: FieldProps<StringNode | JsonNode>) {
  const { node, path, label, required, actions } = props;
  const [raw, setValue] = useFieldValue(path);
  const errors = useFieldErrors(path);
  const value = typeof raw === 'string' ? raw : '';
  return (
    <FieldRow actions={actions}>
      <Autocomplete
        freeSolo
        fullWidth
        size="small"
        options={node.suggestions ?? []}
        value={value}
        inputValue={value}
        onChange={(_, next) => setValue(typeof next === 'string' ? next : '')}
        onInputChange={(_, next, reason) => {
          // 'reset' echoes a chosen option, which onChange has stored already.
          if (reason === 'input' || reason === 'clear') {
            setValue(next);
          }
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            label={label}
            required={required}
            error={errors.length > 0}
            helperText={
              <FieldHelpText label={label} help={node.help} spec={node.spec} errors={errors} />
            }
          />
        )}
      />
    </FieldRow>
  );
}
