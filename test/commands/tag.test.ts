import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAreas } from '../../src/areas/load-areas.js';
import { main } from '../../src/cli.js';
import type { Io } from '../../src/io/console.js';

const fx = (name: string) => fileURLToPath(new URL(`../../fixtures/tag/${name}`, import.meta.url));

async function sc(args: string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
const run = (args: string[], env: Record<string, string> = {}, isTTY = false) => sc(['tag', ...args], env, isTTY);

const base = [
  '--neighbourhoods',
  fx('neighbourhoods.csv'),
  '--imd',
  fx('imd2019-file7.csv'),
  '--ruc',
  fx('ruc2011-lsoa.csv'),
];

describe('sc-survey tag', () => {
  it('writes the tagged registry to stdout; rule and warnings to stderr; exit 0', async () => {
    const r = await run(base);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('code,name,aliases,district,type,type_source,adults');
    expect(r.stdout).not.toMatch(/warning/);
    expect(r.stderr).toContain('sc-survey tag: rule:\n  rural: rural LSOAs (RUC 2011 classes D1, D2, E1, E2)');
    expect(r.stderr).toContain(
      'sc-survey tag: warning: district Oadby and Wigston has 0 rural, 1 deprived and 1 average area(s)',
    );
  });

  it('-o writes the file atomically, and the area loader accepts it with the derived types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-tag-cmd-'));
    const out = join(dir, 'tagged.csv');
    const r = await run([...base, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['tagged.csv']);
    const registry = loadAreas(out);
    expect(registry.areas.map((a) => [a.code, a.type])).toEqual([
      ['BL-BRA', 'deprived'],
      ['BL-WHE', 'average'],
      ['BL-SHA', 'rural'],
      ['CH-HAS', 'deprived'],
      ['CH-SYS', 'average'],
      ['CH-WOL', 'rural'],
      ['OW-WIG', 'deprived'],
      ['OW-OAD', 'average'],
    ]);
    expect(registry.areas[0]?.aliases).toEqual([]);
    expect(registry.areas[0]?.typeSource).toBe(
      'deprived: 4,500 of 4,500 residents (3 of 3 LSOAs) in IMD 2019 ' +
        'deciles 1–2; 0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)',
    );
    expect(readFileSync(out, 'utf8')).toMatch(/\n$/);
  });

  it('two runs are byte-identical', async () => {
    const a = await run([...base, '--format', 'json']);
    const b = await run([...base, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).schemaVersion).toBe(2);
  });

  it('data problems: exit 1, every problem by file and line, nothing on stdout', async () => {
    const r = await run([
      '--neighbourhoods',
      fx('neighbourhoods-bad.csv'),
      '--imd',
      fx('imd2019-file7.csv'),
      '--ruc',
      fx('ruc2011-lsoa.csv'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sc-survey: tag: 8 problems in the input:/);
    expect(r.stderr).toMatch(/neighbourhoods-bad\.csv:12: area CH-NEW \(Newtown Linford\) has no LSOAs/);
  });

  it('vintage mismatch: exit 1 with one message', async () => {
    const r = await run([
      '--neighbourhoods',
      fx('neighbourhoods.csv'),
      '--imd',
      fx('imd2019-file7.csv'),
      '--ruc',
      fx('ruc2021-lsoa.csv'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tag: 1 problem in the input:\n {2}.*imd2019-file7\.csv: LSOA vintages do not match/);
  });

  it('usage problems: exit 2', async () => {
    expect((await run([...base, '--deprived-share', '0.15'])).code).toBe(2);
    expect((await run([...base, '--deprived-share', 'lots'])).stderr).toMatch(
      /--deprived-share must be a number above 0/,
    );
    expect((await run([...base, '--precedence', 'average'])).code).toBe(2);
    expect((await run([...base, '--imd', '/nonexistent.csv'])).code).toBe(2);
    expect((await run(['--imd', fx('imd2019-file7.csv')])).code).toBe(2); // commander: required options
  });

  it('--format table has no colour when not a TTY, or with NO_COLOR', async () => {
    const r = await run([...base, '--format', 'table']);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('Rule:');
    expect((await run([...base, '--format', 'table'], {}, true)).stdout).toMatch(/\u001b\[32mrural/);
    expect((await run([...base, '--format', 'table'], { NO_COLOR: '1' }, true)).stdout).not.toMatch(/\u001b\[/);
    expect((await run([...base, '--format', 'table', '--no-color'], {}, true)).stdout).not.toMatch(/\u001b\[/);
  });

  it('analyse --areas tagged.csv groups by the derived types, exactly as a registry typed by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-tag-analyse-'));
    const tagged = join(dir, 'tagged.csv');
    expect((await run([...base, '-o', tagged])).code).toBe(0);
    // the types worked out by hand in test/tag/tag-areas.test.ts (default rule)
    const byHand = join(dir, 'by-hand.csv');
    const hand: Array<[string, string, string, string]> = [
      ['BL-BRA', 'Braunstone Town', 'Blaby', 'deprived'],
      ['BL-WHE', 'Whetstone', 'Blaby', 'average'],
      ['BL-SHA', 'Sharnford', 'Blaby', 'rural'],
      ['CH-HAS', 'Loughborough Hastings', 'Charnwood', 'deprived'],
      ['CH-SYS', 'Syston', 'Charnwood', 'average'],
      ['CH-WOL', 'Walton on the Wolds', 'Charnwood', 'rural'],
      ['OW-WIG', 'Wigston', 'Oadby and Wigston', 'deprived'],
      ['OW-OAD', 'Oadby', 'Oadby and Wigston', 'average'],
    ];
    writeFileSync(
      byHand,
      [
        'code,name,aliases,district,type,type_source',
        ...hand.map(([c, n, d, t]) => `${c},${n},,${d},${t},by hand`),
      ].join('\n') + '\n',
    );
    // the bundled sample waves cover all 20 areas; the 12 not in these registries are set aside
    // the tagged registry has adults, so it would pool areas by population by default: compare like with like
    const args = (areas: string) => [
      'analyse',
      '--areas',
      areas,
      '--by',
      'type',
      '--format',
      'json',
      '--max-set-aside',
      '1',
      '--area-weights',
      'returns',
    ];
    const a = await sc(args(tagged));
    const b = await sc(args(byHand));
    expect(a.code).toBe(0);
    const ea = JSON.parse(a.stdout).estimates as Array<{ groupBy: string; group: string }>;
    expect([...new Set(ea.filter((e) => e.groupBy === 'type').map((e) => e.group))].sort()).toEqual([
      'average',
      'deprived',
      'rural',
    ]);
    expect(ea).toEqual(JSON.parse(b.stdout).estimates);
  });
});
