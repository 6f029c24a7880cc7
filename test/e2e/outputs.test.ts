import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { IS_ROOT, makeDevice } from '../helpers/devices.js';
import { fixture, ROOT, tempDir } from '../helpers/fixtures.js';

/*
 * Outputs that are not regular files, and outputs that fail: devices are written to, never replaced; a full device or
 * disk is a message and exit 1, never a silent 70; nothing is left behind on an error or a signal.
 */
beforeAll(() => ensureBuilt(), 180_000);
const tmp = tempDir();
afterAll(() => tmp.remove());

const weighting = (name: string) => join(ROOT, 'fixtures/weighting', name);
const tagFx = (name: string) => join(ROOT, 'fixtures/tag', name);
const WEIGHT = [
  'weight',
  weighting('survey-small.csv'),
  '--rake',
  'age_band,sex',
  '--margins',
  weighting('margins-small.csv'),
];
const EVERY_COMMAND: [string, string[]][] = [
  ['analyse', ['analyse', '--samples']],
  ['validate', ['validate', '--samples']],
  ['compare', ['compare', '--samples']],
  ['targets', ['targets', '--samples']],
  ['report', ['report', '--samples']],
  ['indicators', ['indicators']],
  [
    'tag',
    [
      'tag',
      '--neighbourhoods',
      tagFx('neighbourhoods.csv'),
      '--imd',
      tagFx('imd2019-file7.csv'),
      '--ruc',
      tagFx('ruc2011-lsoa.csv'),
    ],
  ],
  ['weight', WEIGHT],
  ['--help', ['--help']],
];

/** Run the built CLI with stdout sent to `path` (a device node of our own). */
function runTo(path: string, args: string[], env: Record<string, string> = {}) {
  const fd = openSync(path, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', fd, 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CI: '1', ...env },
    });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!IS_ROOT)('a device as output (mknod needs root; skipped otherwise)', () => {
  it('-o, --rejects and weight -o onto a device write to it and leave it a device', () => {
    const dir = join(tmp.dir, 'devices');
    mkdirSync(dir);
    const a = makeDevice(dir, 'null-a', 'null');
    const b = makeDevice(dir, 'null-b', 'null');
    expect(runBuilt(['indicators', '-o', a]).code).toBe(0);
    expect(runBuilt(['validate', fixture('mixed-quirks.csv'), '--rejects', a, '-o', b]).code).toBe(1); // its row errors
    expect(runBuilt([...WEIGHT, '-o', a, '--rejects', b]).code).toBe(0);
    for (const p of [a, b]) expect(statSync(p).isCharacterDevice(), p).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['null-a', 'null-b']);
  });

  it.each(EVERY_COMMAND)('%s with stdout on a full device: a message and exit 1, not a silent 70', (_name, args) => {
    const full = makeDevice(tmp.dir, `full-${_name}`, 'full');
    const r = runTo(full, args);
    expect(r.stderr).toContain('cannot write to standard output: no space left on the device');
    expect(r.code).toBe(1);
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  it('-o and weight -o onto a full device: exit 1 naming the path, no stack', () => {
    const dir = join(tmp.dir, 'full-o');
    mkdirSync(dir);
    const full = makeDevice(dir, 'full', 'full');
    for (const args of [
      ['analyse', '-o', full],
      [...WEIGHT, '-o', full],
      ['validate', fixture('mixed-quirks.csv'), '--rejects', full],
    ]) {
      const r = runBuilt(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`cannot write`);
      expect(r.stderr).toContain(full);
      expect(r.stderr).not.toMatch(/internal error|Unhandled|\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual(['full']);
  });
});

describe('outputs that cannot be written', () => {
  it('weight -o into a missing folder fails at once (exit 2), before any raking, with no stack', () => {
    const r = runBuilt([...WEIGHT, '-o', join(tmp.dir, 'no-such', 'w.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write -o ${join(tmp.dir, 'no-such', 'w.csv')}`);
    expect(r.stderr).not.toContain('raking'); // the weighting report never started
    expect(r.stderr).not.toMatch(/Unhandled|\n\s+at /);
  });

  it('stdin with TMPDIR missing is a usage error saying what to do, not "internal error: mkdtemp"', () => {
    const r = spawnSync(process.execPath, [BIN, 'validate', '-'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: readFileSync(fixture('mixed-quirks.csv')),
      env: { ...process.env, TMPDIR: join(tmp.dir, 'gone') },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('set TMPDIR to a writable folder');
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('a FIFO as input', () => {
  it('validate <(cat file.csv) reads the rows, as stdin is read', () => {
    const cmd = `"${process.execPath}" "${BIN}" validate <(cat "${fixture('mixed-quirks.csv')}") --format json`;
    const viaFifo = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8' });
    const direct = runBuilt(['validate', fixture('mixed-quirks.csv'), '--format', 'json']);
    expect(JSON.parse(viaFifo.stdout).accounting).toEqual(JSON.parse(direct.stdout).accounting);
    expect(JSON.parse(viaFifo.stdout).accounting.read).toBeGreaterThan(0);
  });
});

describe('a signal leaves no temporary file behind', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(
      `${signal} during weight - -o … --rejects … ` + "removes the -o and --rejects temporaries and stdin's copy",
      async () => {
        const dir = join(tmp.dir, `signal-${signal}`);
        const spool = join(dir, 'tmpdir');
        mkdirSync(spool, { recursive: true });
        const out = join(dir, 'out.csv');
        writeFileSync(out, 'old');
        const child = spawn(
          process.execPath,
          [BIN, ...WEIGHT.slice(0, 1), '-', ...WEIGHT.slice(2), '-o', out, '--rejects', join(dir, 'rej.csv')],
          {
            cwd: ROOT,
            env: { ...process.env, TMPDIR: spool },
            stdio: ['pipe', 'ignore', 'pipe'],
          },
        );
        child.stdin.write(readFileSync(weighting('survey-small.csv')).subarray(0, 200)); // and stdin stays open
        const temporaries = () => readdirSync(dir).filter((f) => f.endsWith('.tmp')).length + readdirSync(spool).length;
        for (let i = 0; i < 200 && temporaries() < 3; i++) await new Promise((r) => setTimeout(r, 25));
        expect(temporaries()).toBe(3); // two beside the outputs, one folder under TMPDIR
        const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
        child.kill(signal);
        expect(await exited).toBe(signal === 'SIGTERM' ? 143 : 130);
        expect(readdirSync(dir).sort()).toEqual(['out.csv', 'tmpdir']);
        expect(readdirSync(spool)).toEqual([]);
        expect(readFileSync(out, 'utf8')).toBe('old');
        expect(existsSync(join(dir, 'rej.csv'))).toBe(false);
      },
    );
  }
});
