import { resolve } from 'node:path';

import { FIRST_LOAD_BUDGET, firstLoad, formatKb } from './firstLoadBudget';

// CI gate after `vite build`: the JavaScript of a first visit must fit in the budget.

const dist = resolve(process.argv[2] ?? 'dist');
const { files, total } = firstLoad(dist);
for (const f of files) {
  console.log(`${formatKb(f.gzip).padStart(10)}  ${f.file}`);
}
const verdict =
  total <= FIRST_LOAD_BUDGET
    ? `within the ${formatKb(FIRST_LOAD_BUDGET)} budget`
    : `${formatKb(total - FIRST_LOAD_BUDGET)} over the ${formatKb(FIRST_LOAD_BUDGET)} budget`;
console.log(`First-load JavaScript: ${formatKb(total)} gzip, ${verdict}.`);
if (total > FIRST_LOAD_BUDGET) {
  console.error(
    'Load the new code lazily (React.lazy or import(), after the first render) or make it smaller.',
  );
  process.exit(1);
}
