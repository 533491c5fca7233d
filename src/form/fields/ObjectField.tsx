import type { ObjectNode } from '../fieldNode';
import { joinPath } from '../fieldPath';
import type { FieldProps } from '../fieldProps';
import { useFormRuntime } from '../formRuntime';
import { FieldGrid, FieldSection } from './FieldSection';

/** The members of an object in schema order; keys the schema does not know are kept, not shown. */
export function ObjectField({
  node,
  path,
  label,
  required,
  actions,
  embedded,
}: FieldProps<ObjectNode>) {
  const { ChildField } = useFormRuntime();
  return (
    <FieldSection
      path={path}
      label={label}
      required={required}
      help={node.help}
      spec={node.spec}
      actions={actions}
      embedded={embedded}
    >
      <FieldGrid>
        {node.children.map((child) => (
          <ChildField
            key={child.key}
            node={child.node}
            path={joinPath(path, child.key)}
            required={child.required}
          />
        ))}
      </FieldGrid>
    </FieldSection>
  );
}
