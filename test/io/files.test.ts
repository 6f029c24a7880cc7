import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/errors.js';
import { openOutputFile, writeError, writeOutputFile } from '../../src/io/files.js';
import { liveTemps } from '../../src/io/temp-files.js';
import { IS_ROOT, makeDevice } from '../helpers/devices.js';
import { tempDir } from '../helpers/fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const failing = (code: string) => () => {
  throw Object.assign(new Error(`${code}: simulated`), { code });
};

describe('openOutputFile on a regular file', () => {
  it('replaces it through a temporary sibling and leaves no temporary', () => {
    const d = join(tmp.dir, 'plain');
    mkdirSync(d);
    const p = join(d, 'out.txt');
    writeFileSync(p, 'old');
    writeOutputFile(p, 'new', `-o ${p}`);
    expect(readFileSync(p, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['out.txt']);
    expect(liveTemps()).toEqual([]);
  });

  it('keeps the mode of the file it replaces (0600 stays 0600)', () => {
    const p = join(tmp.dir, 'private.csv');
    writeFileSync(p, 'old');
    chmodSync(p, 0o600);
    writeOutputFile(p, 'new', `-o ${p}`);
    expect(statSync(p).mode & 0o777).toBe(0o600);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const real = join(tmp.dir, 'real.txt');
    const link = join(tmp.dir, 'link.txt');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeOutputFile(link, 'new', `-o ${link}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('writes more than its buffer in pieces, whole', () => {
    const p = join(tmp.dir, 'big.txt');
    const out = openOutputFile(p, `-o ${p}`);
    const line = `${'x'.repeat(999)}\n`;
    for (let i = 0; i < 1000; i++) out.write(line);
    out.close();
    expect(statSync(p).size).toBe(1000 * 1000);
  });

  for (const code of ['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG']) {
    it(`a write that fails with ${code} is a data error naming the path; the old file stays as it was`, () => {
      const d = join(tmp.dir, `fail-${code}`);
      mkdirSync(d);
      const p = join(d, 'out.csv');
      writeFileSync(p, 'old contents');
      const attempt = () => writeOutputFile(p, 'x'.repeat(1 << 17), `-o ${p}`, { writeBytes: failing(code) });
      expect(attempt).toThrow(DataError);
      expect(attempt).toThrow(`cannot write -o ${p}`);
      expect(readFileSync(p, 'utf8')).toBe('old contents');
      expect(readdirSync(d)).toEqual(['out.csv']);
      expect(liveTemps()).toEqual([]);
    });
  }

  for (const code of ['EROFS', 'EACCES', 'EPERM']) {
    it(`${code} is a usage error: the path the user chose cannot be used`, () => {
      const e = writeError('-o x.csv', Object.assign(new Error(code), { code }));
      expect(e).toBeInstanceOf(UsageError);
      expect(e.message).toMatch(/^cannot write -o x\.csv: /);
    });
  }

  it('a folder is a usage error', () => {
    expect(() => openOutputFile(tmp.dir, `-o ${tmp.dir}`)).toThrow(UsageError);
  });
});

describe.skipIf(!IS_ROOT)('openOutputFile on a device (needs root for mknod; skipped otherwise)', () => {
  it('writes to the device and never replaces it', () => {
    const dev = makeDevice(tmp.dir, 'null-a', 'null');
    writeOutputFile(dev, 'anything', `-o ${dev}`);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a full device is a data error naming it, and stays a device', () => {
    const dev = makeDevice(tmp.dir, 'full-a', 'full');
    const attempt = () => writeOutputFile(dev, 'x'.repeat(1 << 17), `-o ${dev}`);
    expect(attempt).toThrow(DataError);
    expect(attempt).toThrow(`cannot write -o ${dev}: no space left on the device`);
    expect(statSync(dev).isCharacterDevice()).toBe(true);
  });
});
