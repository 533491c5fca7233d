/** How a finding's JSON pointer is shown: the root pointer '' reads as "(document)". */
export function formatPointer(pointer: string): string {
  return pointer === '' ? '(document)' : pointer;
}
