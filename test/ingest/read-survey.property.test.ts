import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256, tempDir } from '../helpers/fixtures.js';
import { buildSurvey, rowArb, surveyArb, type GeneratedSurvey } from '../helpers/generate-survey.js';
import { ingest } from '../helpers/ingest.js';
import { runJson } from '../helpers/run-main.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
let n = 0;
const writeSurvey = (s: GeneratedSurvey): string => {
  const p = join(tmp.dir, `case-${n++}.csv`);
  writeFileSync(p, s.text);
  return p;
};
const key = (i: { line: number; column: number; reason: string }) => `${i.line}:${i.column}:${i.reason}`;

describe('ingest property: generated files with injected problems', () => {
  it(
    'read = analysed + set aside, and every injected problem is reported at its physical line and ' + 'column',
    async () => {
      await fc.assert(
        fc.asyncProperty(surveyArb, async (s) => {
          const path = writeSurvey(s);
          const before = sha256(path);
          const { log, rows } = await ingest([path]);
          const a = log.accounting;
          const setAside = Object.values(a.setAside).reduce((x, y) => x + y, 0);
          expect(a.read).toBe(a.analysed + setAside);
          expect(a.read).toBe(s.read);
          expect(a.analysed).toBe(s.analysed);
          expect(rows).toHaveLength(s.analysed);
          expect(a.setAside).toEqual(s.setAside);
          const got = log.issues.filter((i) => i.severity === 'error').map(key);
          expect(got).toEqual(s.errors.map(key));
          expect(sha256(path)).toBe(before);
        }),
        { numRuns: 100 },
      );
    },
  );

  it('validate --format json reports the same, through main', async () => {
    await fc.assert(
      fc.asyncProperty(surveyArb, async (s) => {
        const path = writeSurvey(s);
        const r = await runJson(['validate', path, '--format', 'json', '--max-issues', '100000']);
        const a = r.json.accounting;
        expect(a.read).toBe(s.read);
        expect(a.analysed).toBe(s.analysed);
        expect(a.read).toBe(
          a.analysed + Object.values(a.setAside as Record<string, number>).reduce((x, y) => x + y, 0),
        );
        expect(r.json.issues.filter((i: { severity: string }) => i.severity === 'error').map(key)).toEqual(
          s.errors.map(key),
        );
        expect(r.code).toBe(s.errors.length > 0 ? 1 : 0);
      }),
      { numRuns: 25 },
    );
  });
});

describe('ingest across 1 MiB read chunks', () => {
  // One large generated file (≈ 3.5 MB, quoted newlines throughout), so records and multi-line comments straddle the
  // 1 MiB stream chunks; written as UTF-8, Windows-1252 and UTF-16LE, each must give the same accounting and lines.
  const plans = fc.sample(fc.array(rowArb, { minLength: 30_000, maxLength: 30_000 }), {
    numRuns: 1,
    seed: 20_091_210,
  })[0]!;
  const s = buildSurvey(plans, ';', '\r\n', true, true);

  it.each([
    ['utf8', Buffer.from(s.text, 'utf8')],
    ['windows-1252', iconv.encode(s.text, 'win1252')],
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s.text, 'utf16le')])],
  ] as [string, Buffer][])('%s', async (encoding, bytes) => {
    expect(bytes.length).toBeGreaterThan(3 * (1 << 20));
    const path = join(tmp.dir, `big-${encoding}.csv`);
    writeFileSync(path, bytes);
    const { log, summaries } = await ingest([path]);
    expect(summaries[0]!.encoding).toBe(encoding);
    expect(log.accounting.read).toBe(s.read);
    expect(log.accounting.analysed).toBe(s.analysed);
    expect(log.accounting.setAside).toEqual(s.setAside);
    expect(log.issues.filter((i) => i.severity === 'error').map(key)).toEqual(s.errors.map(key));
  });
});
