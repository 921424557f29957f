// `npm run fixtures:face -- [DIR] [--preview]`: writes the fake-camera Y4M videos (and PNG previews).
import { resolve } from 'node:path';
import { previewFixture, writeFixture, type FixtureName } from './face/fixtures.js';

const args = process.argv.slice(2);
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? 'test-results/face-fixtures');
const names: FixtureName[] = ['face', 'noface', 'photo', 'far', 'near'];
for (const name of names) {
  console.log(await writeFixture(dir, name));
  if (args.includes('--preview')) await previewFixture(dir, name);
}
