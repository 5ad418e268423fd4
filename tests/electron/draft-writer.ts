/**
 * Run by drafts-kill.test.ts and killed mid-write: writes drafts of one document in a loop through
 * the main process's Drafts, reporting each completed write as `wrote <n>` (kill-mid-write.ts).
 * Usage: tsx draft-writer.ts USER_DATA
 */
import { Drafts } from '../../electron/main/drafts';
import { draftText } from './draft-text';

const userData = process.argv[2];
if (!userData) throw new Error('usage: draft-writer.ts USER_DATA');
const drafts = new Drafts(userData);
for (let n = 1; ; n++) {
  await drafts.save('doc', { path: null, text: draftText(n) });
  process.stdout.write(`wrote ${n}\n`);
}
