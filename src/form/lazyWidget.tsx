import { type ComponentType, lazy, Suspense } from 'react';

import type { ResolvedNode } from './fieldNode';
import type { FieldProps } from './fieldProps';

/**
 * A widget whose code loads when it is first rendered. Until then `Fallback` stands in with the
 * same props: the autocomplete widgets (MUI Autocomplete and Popper) stay off the first load.
 */
export function lazyWidget<N extends ResolvedNode>(
  load: () => Promise<ComponentType<FieldProps<N>>>,
  Fallback: ComponentType<FieldProps<N>>,
): ComponentType<FieldProps<N>> {
  const Widget = lazy(() => load().then((component) => ({ default: component })));
  return function LazyWidget(props: FieldProps<N>) {
    return (
      <Suspense fallback={<Fallback {...props} />}>
        <Widget {...props} />
      </Suspense>
    );
  };
}
