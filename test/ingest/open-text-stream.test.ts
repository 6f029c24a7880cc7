import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/ingest/detect-encoding.js';
import { openTextStream, readHead } from '../../src/ingest/open-text-stream.js';
import { expectedFixtures, fixture } from '../helpers/fixtures.js';

async function decode(path: string): Promise<string> {
  const info = await detectEncoding(path);
  let text = '';
  for await (const chunk of await openTextStream(path, info, 4096)) text += String(chunk);
  return text;
}

describe('openTextStream', () => {
  const withText = expectedFixtures().filter((f) => f.decodedText);
  it.each(withText.map((f) => [f.file, f.decodedText!] as [string, string[]]))(
    '%s decodes to the expected text',
    async (file, texts) => {
      const text = await decode(fixture(file));
      for (const t of texts) expect(text).toContain(t);
      expect(text).not.toContain('\uFFFD');
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text.startsWith('respondent_id')).toBe(true);
    },
  );

  it('drops the UTF-8 BOM', async () => {
    const text = await decode(fixture('bom-crlf.csv'));
    expect(text.startsWith('respondent_id')).toBe(true);
    expect(text).toContain('\r\n');
  });
});

describe('readHead', () => {
  it('gives the header line of a UTF-16 file as text', async () => {
    for (const f of ['utf16le-bom.csv', 'utf16be-bom.csv']) {
      const path = fixture(f);
      const head = await readHead(path, await detectEncoding(path));
      expect(head.split(/\r?\n/)[0]!.split(',').slice(0, 3)).toEqual(['respondent_id', 'wave', 'neighbourhood']);
    }
  });
});
