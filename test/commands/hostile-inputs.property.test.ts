import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { liveTemps } from '../../src/io/temp-files.js';
import { codebookJson } from '../helpers/codebook.js';
import { ROOT, tempDir } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';
import { HEADER, rowFields } from '../helpers/survey-text.js';

/*
 * Hostile side files (codebook, registry, margins, targets) and hostile survey files through every command,
 * in process. Whatever the input: the exit code is 0, 1, 2 or 3 (never 70), stderr has no stack trace, the row
 * accounting is whole (read = analysed + Σ setAside) whenever JSON comes out, no input file is changed, and no
 * temporary file is left behind. A bounded number of runs keeps the suite fast (HOSTILE_RUNS and HOSTILE_SEED
 * explore further).
 */
const tmp = tempDir();
afterAll(() => tmp.remove());

const HOSTILE_CELLS = [
  '',
  ' ',
  '"',
  '""',
  '"a""b"',
  "=cmd|' /C calc'!A0",
  '+1',
  '-1',
  '@x',
  '1e999',
  '5e-324',
  '1e160',
  'NaN',
  '0x10',
  '99',
  '98',
  '1',
  '2',
  '3',
  '4',
  '5',
  '2006',
  '2009',
  'BL-BRA',
  'Braunstone Town',
  'Atlantis',
  '35-44',
  'Female',
  'é',
  '\u00a0',
  'a;b',
  'a\tb',
  'x'.repeat(300),
  '\ufeff',
  '1,5',
  '"open',
];
const cell = fc.constantFrom(...HOSTILE_CELLS);

/** A survey file: the real header (sometimes cut or shuffled), then rows mixing good and hostile cells. */
const surveyText = fc
  .record({
    header: fc.oneof(
      { arbitrary: fc.constant(HEADER), weight: 6 },
      { arbitrary: fc.shuffledSubarray(HEADER, { minLength: 1 }), weight: 1 },
      { arbitrary: fc.array(cell, { minLength: 1, maxLength: 6 }), weight: 1 },
    ),
    rows: fc.array(
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.array(cell, { minLength: 1, maxLength: 25 }), weight: 1 },
        {
          arbitrary: fc.record({
            wave: fc.constantFrom('2006', '2009', '2006', '2009', ''),
            area: fc.constantFrom('BL-BRA', 'CH-HAS', 'BL-WHE', 'Nowhere'),
            fill: fc.constantFrom('1', '2', '4', '99', ''),
            comments: cell,
          }),
          weight: 10,
        },
      ),
      { maxLength: 80 },
    ),
    sep: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ header, rows, sep, eol, bom }) => {
    const lines = [header.join(sep)];
    rows.forEach((r, i) => {
      if (r === null) lines.push('');
      else if (Array.isArray(r)) lines.push(r.join(sep));
      else
        lines.push(
          rowFields({
            id: `r${i}`,
            wave: r.wave,
            area: r.area,
            fill: r.fill,
            comments: r.comments.includes(sep) ? '' : r.comments,
          }).join(sep),
        );
    });
    return `${bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
  });

const JSON_JUNK = ['null', '{}', '[]', 'true', '"x"', '{"items":null}', '[null]', '{', ''];
/** The bundled codebook, sometimes broken: a field removed or set to junk, or the whole file junk. */
const sometimes = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: a, weight: 1 });
const codebookText = sometimes(
  fc.oneof(
    fc.constantFrom(...JSON_JUNK),
    fc
      .record({
        key: fc.constantFrom('items', 'domains', 'scales', 'missing', 'profiles', 'name'),
        value: fc.constantFrom(null, 0, '', [], {}, [null], 'x'),
      })
      .map(({ key, value }) => {
        const cb = codebookJson();
        cb[key] = value;
        return JSON.stringify(cb);
      }),
    fc
      .record({
        field: fc.constantFrom('id', 'scale', 'positive', 'domain', 'aliases', 'excluded', 'shortLabel'),
        value: fc.constantFrom(null, 0, '', [], [99], ['='], 'x'.repeat(300)),
      })
      .map(({ field, value }) => {
        const cb = codebookJson();
        cb.items[0][field] = value;
        return JSON.stringify(cb);
      }),
  ),
);

const csvLines = (header: string, pool: string[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...pool),
        fc.array(cell, { maxLength: 7 }).map((c) => c.join(',')),
      ),
      { maxLength: 6 },
    )
    .map((rows) => [header, ...rows].join('\n'));

const registryText = sometimes(
  fc.oneof(
    csvLines('code,name,aliases,district,type,type_source,mailed', [
      'BL-BRA,Braunstone Town,,Blaby,deprived,x,580',
      'BL-BRA,Again,,Blaby,rural,x,1',
      ',,,,,,',
      'X1,=1+1,,D,rural,x,-5',
      'X2,Name,"a,b",D,,x,',
    ]),
    fc.constantFrom('', 'code\n', '\ufeff', 'null'),
  ),
);
const marginsText = sometimes(
  fc.oneof(
    csvLines('variable,category,share,scope', [
      'age_band,16-24,0.5,BL-BRA',
      'sex,Male,0.5,all',
      'sex,Female,1e999,all',
      'sex,,abc,',
      'age_band,75+,-1,BL-BRA',
    ]),
    fc.constantFrom('', 'variable\n', 'null'),
  ),
);
const targetsText = fc.oneof(
  fc.constant(null),
  csvLines('indicator,group,baseline,target', [
    'NI2,all,70,75',
    'NI2,all,',
    'NI1,rural,true,',
    'NI4,all,0x10,',
    'NI9,all,50,',
    'NI2,nowhere,50,',
  ]),
  fc.constantFrom(
    ...JSON_JUNK,
    '[{"indicator":"NI2","group":"all","baseline":[50]}]',
    '[{"indicator":"NI2","baseline":75}]',
  ),
);

const command = fc.constantFrom('analyse', 'validate', 'compare', 'targets', 'report', 'indicators', 'weight');

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
let run = 0;

describe('hostile inputs through every command', () => {
  it('never exit 70, never a stack trace; accounting whole; inputs unchanged; no temporary left', async () => {
    await fc.assert(
      fc.asyncProperty(
        command,
        surveyText,
        codebookText,
        registryText,
        marginsText,
        targetsText,
        fc.boolean(),
        fc.boolean(),
        async (cmd, survey, cb, reg, margins, targets, useStdin, lenient) => {
          const dir = join(tmp.dir, `run${run++}`);
          mkdirSync(dir);
          const inputs: string[] = [];
          const put = (name: string, text: string) => {
            const p = join(dir, name);
            writeFileSync(p, text);
            inputs.push(p);
            return p;
          };
          const surveyPath = put('survey.csv', survey);
          const args: string[] = [cmd];
          if (cmd !== 'indicators') args.push(useStdin ? '-' : surveyPath);
          if (cb !== null) args.push('--codebook', put('codebook.json', cb));
          if (reg !== null && cmd !== 'indicators') args.push('--areas', put('areas.csv', reg));
          if (cmd === 'weight')
            args.push(
              '--rake',
              'age_band,sex',
              '--margins',
              margins !== null ? put('margins.csv', margins) : join(ROOT, 'data/margins/leicestershire-areas.csv'),
            );
          if (cmd === 'targets' && targets !== null)
            args.push('--targets', put(/^[[{n]/.test(targets) ? 'targets.json' : 'targets.csv', targets));
          if (['analyse', 'validate', 'compare', 'targets', 'indicators'].includes(cmd)) args.push('--format', 'json');
          if (cmd === 'report' || cmd === 'weight') args.push('-o', join(dir, 'out'));
          if (cmd === 'validate' || cmd === 'weight') args.push('--rejects', join(dir, 'rejects.csv'));
          if (lenient && cmd !== 'indicators' && cmd !== 'validate') args.push('--max-set-aside', '100%');
          const before = inputs.map(hash);
          const r = await runMain(args, useStdin ? { stdin: survey } : {});
          const context = `${args.join(' ')}\nexit ${r.code}\n${r.stderr.slice(0, 2000)}`;
          expect([0, 1, 2, 3], context).toContain(r.code);
          expect(r.stderr, context).not.toMatch(/\n\s+at |internal error/);
          if (r.stdout.startsWith('{')) {
            const a = JSON.parse(r.stdout).accounting;
            if (a)
              expect(a.read, context).toBe(
                a.analysed + Object.values(a.setAside as Record<string, number>).reduce((s, n) => s + n, 0),
              );
          }
          expect(inputs.map(hash), context).toEqual(before);
          expect(
            readdirSync(dir).filter((f) => f.endsWith('.tmp')),
            context,
          ).toEqual([]);
          expect(liveTemps(), context).toEqual([]);
        },
      ),
      { numRuns: Number(process.env.HOSTILE_RUNS ?? 100), seed: Number(process.env.HOSTILE_SEED ?? 16) },
    );
  }, 240_000);
});
