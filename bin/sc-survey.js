#!/usr/bin/env node
import { main, removeTempsSync, stdoutFailed } from '../dist/bundle/cli.js';
// A reader that stops early (`| head`) is exit 0; a stdout that cannot be written (`> /dev/full`) is a message and
// exit 1 (docs/exit-codes.md). Either way no temporary file is left behind.
process.stdout.on('error', (err) => {
  removeTempsSync();
  process.exit(stdoutFailed(err, process.stderr));
});
process.stderr.on('error', () => undefined); // nowhere left to say it; the exit code still tells
// Ctrl-C or a kill removes the temporaries (the `-o` and `--rejects` files being written, stdin's copy).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    removeTempsSync();
    process.exit(code);
  });
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
