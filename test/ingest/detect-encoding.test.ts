import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/ingest/detect-encoding.js';
import { fixture, tempDir } from '../helpers/fixtures.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const write = (name: string, bytes: Buffer): string => {
  const p = join(tmp.dir, name);
  writeFileSync(p, bytes);
  return p;
};

describe('detectEncoding', () => {
  it('reads plain ASCII/UTF-8 as utf8 with no BOM', async () => {
    const info = await detectEncoding(write('plain.csv', Buffer.from('a,b\n1,2\n')));
    expect(info).toEqual({ encoding: 'utf8', bomLength: 0, size: 8, binary: false });
  });

  it('skips a UTF-8 BOM (EF BB BF)', async () => {
    const info = await detectEncoding(fixture('bom-crlf.csv'));
    expect(info.encoding).toBe('utf8');
    expect(info.bomLength).toBe(3);
  });

  it('keeps valid multi-byte UTF-8 (é as C3 A9) as utf8', async () => {
    const info = await detectEncoding(write('utf8.csv', Buffer.from('a,b\nCafé,£5 – ok\n', 'utf8')));
    expect(info.encoding).toBe('utf8');
  });

  it('recognises UTF-16LE (FF FE) and UTF-16BE (FE FF) by their BOM', async () => {
    expect(await detectEncoding(fixture('utf16le-bom.csv'))).toMatchObject({
      encoding: 'utf16le',
      bomLength: 2,
      binary: false,
    });
    expect(await detectEncoding(fixture('utf16be-bom.csv'))).toMatchObject({
      encoding: 'utf16be',
      bomLength: 2,
      binary: false,
    });
  });

  it('decides Windows-1252 when a byte is not valid UTF-8', async () => {
    expect((await detectEncoding(fixture('windows-1252.csv'))).encoding).toBe('windows-1252');
  });

  it('finds a Windows-1252 byte past the first 64 KiB block (windows-1252-late.csv)', async () => {
    expect((await detectEncoding(fixture('windows-1252-late.csv'))).encoding).toBe('windows-1252');
  });

  it('finds a Windows-1252 byte past the 1 MiB read chunk', async () => {
    const body = Buffer.alloc((1 << 20) + 5000, 'x'.charCodeAt(0));
    const p = write('late-1mb.csv', Buffer.concat([Buffer.from('a\n'), body, Buffer.from([0xe9, 0x0a])]));
    expect((await detectEncoding(p)).encoding).toBe('windows-1252');
  });

  it('does not mistake a UTF-8 sequence split across the 1 MiB chunk boundary for an invalid byte', async () => {
    // 'é' is C3 A9; put C3 as the last byte of the first chunk, A9 as the first of the next.
    const prefix = Buffer.alloc((1 << 20) - 1, 'x'.charCodeAt(0));
    const p = write('split.csv', Buffer.concat([prefix, Buffer.from('é\n', 'utf8')]));
    expect((await detectEncoding(p)).encoding).toBe('utf8');
  });

  it('flags NUL bytes as binary', async () => {
    expect((await detectEncoding(fixture('binary-garbage.csv'))).binary).toBe(true);
  });

  it('reports size 0 for an empty file', async () => {
    expect((await detectEncoding(fixture('empty.csv'))).size).toBe(0);
  });
});
