/**
 * The child process of the kill -9 test: saves ever newer versions of a large scenario to the
 * file named by its argument with writeFileAtomic, printing "saved N" after each, until killed.
 */
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../src/files/write-file-atomic';
import { largeScenarioText, largeScenarioVersion } from './large-scenarios';

const target = process.argv[2];
if (!target) throw new Error('usage: save-forever.ts TARGET');
let version = largeScenarioVersion(await readFile(target, 'utf8')) ?? 0;
for (;;) {
  version += 1;
  await writeFileAtomic(target, largeScenarioText(version));
  process.stdout.write(`saved ${version}\n`);
}
