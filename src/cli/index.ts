import { mainAsync } from './main';

process.exitCode = await mainAsync(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
