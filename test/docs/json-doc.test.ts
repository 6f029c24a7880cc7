import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';

/**
 * docs/json.md lists every field of the JSON; this fails when the samples' JSON gains or loses a key the doc does
 * not list. The doc's field names are read from its tables (first cell, in backticks), section by section.
 */
const DOC = readFileSync(join(ROOT, 'docs/json.md'), 'utf8');

function documented(command: string): string[] {
  const start = DOC.indexOf(`\n## ${command}\n`);
  const end = DOC.indexOf('\n## ', start + 1);
  const section = DOC.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

/** Every key path of a JSON value: `a.b`, `a[]`, `a[].c`. */
function paths(v: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(v)) {
    if (prefix) out.add(prefix);
    for (const x of v) paths(x, `${prefix}[]`, out);
  } else if (v !== null && typeof v === 'object') {
    if (prefix) out.add(prefix);
    for (const [k, x] of Object.entries(v)) paths(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.add(prefix);
  return out;
}

/** A documented path as a pattern: a part in braces (`{reason}`) is a key from the data. */
const pattern = (doc: string) =>
  new RegExp(`^${doc.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`).replace(/\\\{[^}]*\\\}/g, '[^.\\[\\]]+')}$`);

async function json(argv: string[]): Promise<unknown> {
  const r = await runMain([...argv, '--format', 'json']);
  expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
  return JSON.parse(r.stdout);
}

// the sample waves with a file of quirks: rows set aside and invalid cells, so the accounting's keyed fields appear
// (--no-weights: the quirks file and the workbook have a weight column and the samples none, which is refused)
const QUIRKS = [
  'data/samples/wave-2006.csv',
  'data/samples/wave-2009.csv',
  'fixtures/mixed-quirks.csv',
  '--no-weights',
];
// … and with files whose headers are read under other names (design.columns), one without an id column
// … and with a workbook that has a title above its header, and an SPSS file (files[].sheet, titleLinesSkipped)
const WORKBOOKS = [
  'data/samples/wave-2006.csv',
  'fixtures/xlsx/survey-titled.xlsx',
  'fixtures/sav/wave-2009.sav',
  '--no-weights',
];
const ALIASES = [
  'data/samples/wave-2006.csv',
  'data/samples/wave-2009.csv',
  'fixtures/header-aliases.csv',
  'fixtures/no-id-column.csv',
];

describe('docs/json.md lists every field, and no field that is never written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sc-json-doc-'));
  const targetsFile = join(dir, 'published.csv');
  writeFileSync(
    targetsFile,
    'indicator,group,baseline,baseline_se,baseline_population\nNI2,all,74,1.2,surveyed areas\nNI4,rural,28,,\n',
  );
  // a wave of one row beside two full ones: a suspect wave (suspectWaves), the default pair named so it is not refused
  const sample = readFileSync(join(ROOT, 'data/samples/wave-2006.csv'), 'utf8').split('\n');
  const stray = join(dir, 'stray-wave.csv');
  writeFileSync(stray, `${sample[0]}\n${sample[1]!.replace(/^([^,]*),2006,/, '$1-x,06,')}\n`);
  const SUSPECT = ['data/samples/wave-2006.csv', 'data/samples/wave-2009.csv', stray, '--from', '2006', '--to', '2009'];
  const runs: Record<string, string[][]> = {
    analyse: [
      ['analyse', '--by', 'all,type,neighbourhood'],
      ['analyse', '--rake', 'age_band,sex', '--margins', 'data/margins/leicestershire-areas.csv'],
      ['analyse', ...QUIRKS],
      ['analyse', ...ALIASES],
      ['analyse', ...WORKBOOKS],
      ['analyse', ...SUSPECT],
      ['analyse', '--net', '--letters', '--by', 'all,type,type*sex'],
    ],
    compare: [
      ['compare'],
      ['compare', ...QUIRKS],
      ['compare', ...ALIASES],
      ['compare', ...WORKBOOKS],
      ['compare', '--net'],
    ],
    targets: [
      ['targets'],
      ['targets', '--targets', targetsFile],
      ['targets', ...QUIRKS],
      ['targets', ...ALIASES],
      ['targets', ...WORKBOOKS],
    ],
    validate: [
      ['validate', 'fixtures/mixed-quirks.csv'],
      ['validate', 'fixtures/bad-weight.csv', '--max-issues', '2'],
      ['validate', 'fixtures/missing-column.csv'],
      ['validate', ...ALIASES],
      ['validate', ...WORKBOOKS],
    ],
  };
  it.each(Object.keys(runs))(
    '%s',
    async (command) => {
      const seen = new Set<string>();
      for (const argv of runs[command]!) {
        const abs = argv.map((a) => (a.startsWith('fixtures/') || a.startsWith('data/') ? join(ROOT, a) : a));
        for (const p of paths(await json(abs))) seen.add(p);
      }
      const doc = documented(command);
      expect(doc.length).toBeGreaterThan(10);
      const patterns = doc.map((d) => [d, pattern(d)] as const);
      const undocumented = [...seen].filter((p) => !patterns.some(([, re]) => re.test(p)));
      const neverWritten = patterns.filter(([, re]) => ![...seen].some((p) => re.test(p))).map(([d]) => d);
      expect(undocumented, `${command}: written but not in docs/json.md`).toEqual([]);
      expect(neverWritten, `${command}: in docs/json.md but never written by the samples`).toEqual([]);
    },
    60_000,
  );
});
