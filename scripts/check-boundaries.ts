// `npm run check:boundaries`: fails when a process boundary is crossed (see scripts/boundaries.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBoundaries } from './boundaries.js';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const violations = checkBoundaries(root);
if (violations.length > 0) {
  for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}  (imports '${v.specifier}')`);
  console.error(`\n${violations.length} boundary violation(s).`);
  process.exit(1);
}
console.log('Boundaries hold: drivers/ stays plain Node, src-main reaches it through drivers/index.ts only, electron stays in src-main/shell/electron, the renderer imports the core as types only.');
