/**
 * The `routewise` command. bin/routewise.js loads this file through tsx.
 * Exit codes: 0 assessed (whatever the outcome), 2 bad input or arguments, 1 internal fault.
 */
import { run, useColour } from './program.ts';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // The reader went away (e.g. `routewise … | head`): nothing more to say.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run({
  argv: process.argv.slice(2),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  colour: useColour(process.stdout.isTTY, process.env),
  env: process.env,
  now: () => Date.now(),
});
