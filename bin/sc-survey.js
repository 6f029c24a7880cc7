#!/usr/bin/env node
import { main } from '../dist/bundle/cli.js';
// A reader that stops early (`| head`) is not an error: exit 0, as docs/exit-codes.md says.
process.stdout.on('error', (err) => process.exit(err.code === 'EPIPE' ? 0 : 70));
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
