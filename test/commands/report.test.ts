import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/types/index.js';
import { ROOT, tempDir } from '../helpers/fixtures.js';
import { runJson, runMain } from '../helpers/run-main.js';
import { attr, dataCells, elements, parseErrors, parseHtml, text, walk, type DomNode } from '../report/html-dom.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const GOLDEN_HTML = join(ROOT, 'fixtures/expected/report-samples.html');
const GOLDEN_MD = join(ROOT, 'fixtures/expected/report-samples.md');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** "−2.6" / "+3.7" / "0.0" as a number; the report uses U+2212 for minus. */
const num = (s: string): number => Number(s.replace(/[−–]/g, '-').replace(/[+,†▲▼✱\s]/g, ''));
const near = (textValue: string, json: number, halfUnit = 0.05) => Math.abs(num(textValue) - json) <= halfUnit + 1e-9;

interface Comparison {
  indicator: string;
  groupBy: string;
  from: string;
  to: string;
  group: string;
  changePp: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  pAdjusted: number | null;
  flag: string;
  significant: boolean;
}
interface Target {
  indicator: string;
  groupBy: string;
  group: string;
  baseline: number | null;
  current: number | null;
  target: number | null;
  targetPoints: number | null;
  targetRelative: number | null;
  d: number | null;
  verdict: string | null;
  lean: string | null;
  change: number | null;
  changeDirection: string | null;
  detectableRise: number | null;
}

describe('report on the bundled sample waves', () => {
  let html = '';
  let md = '';
  let json: {
    estimates: Estimate[];
    comparisons: Comparison[];
    targets: Target[];
    findings: { text: string }[];
    accounting: { read: number; analysed: number };
  };
  let dom: DomNode;
  let cells: Map<string, DomNode[]>;

  beforeAll(async () => {
    const h = await runMain(['report']);
    expect(h.code, h.stderr).toBe(0);
    html = h.stdout;
    const m = await runMain(['report', '--format', 'md']);
    expect(m.code, m.stderr).toBe(0);
    md = m.stdout;
    // The report shows all, type and neighbourhood; ask analyse for the same groupings.
    json = (await runJson(['analyse', '--format', 'json', '--by', 'all,type,neighbourhood'])).json;
    dom = parseHtml(html);
    cells = dataCells(dom);
  });

  const cell = (wave: string, groupBy: string, group: string, indicator: string, field: string) =>
    cells.get([wave, groupBy, group, indicator, field].join('|')) ?? [];

  it(
    'shows every all/type estimate, and every neighbourhood estimate ' +
      'of NI1, NI2 and NI4, with the numbers of analyse --format json',
    () => {
      const headline = new Set(['backgrounds_get_on', 'belong_neighbourhood', 'influence_decisions']);
      const shown = json.estimates.filter((e) => e.groupBy !== 'neighbourhood' || headline.has(e.indicator));
      expect(shown.length).toBe(2 * (17 * 4 + 3 * 20));
      let checked = 0;
      for (const e of shown) {
        const pc = cell(e.wave, e.groupBy, e.group, e.indicator, 'percent');
        expect(pc.length, `${e.wave} ${e.groupBy} ${e.group} ${e.indicator}`).toBeGreaterThan(0);
        for (const c of pc) {
          if (e.percent === null) expect(text(c)).toBe('suppressed');
          else expect(near(text(c), e.percent), `${text(c)} vs ${e.percent}`).toBe(true);
          checked++;
        }
        for (const c of cell(e.wave, e.groupBy, e.group, e.indicator, 'ci')) {
          const [lo, hi] = text(c).split('–');
          expect(near(lo!, e.ciLow!) && near(hi!, e.ciHigh!), `${text(c)} vs ${e.ciLow}–${e.ciHigh}`).toBe(true);
        }
        for (const c of cell(e.wave, e.groupBy, e.group, e.indicator, 'unweightedBase'))
          expect(num(text(c))).toBe(e.unweightedBase);
      }
      expect(checked).toBeGreaterThanOrEqual(shown.length);
    },
  );

  it('shows every all/type change with its CI and adjusted p as in the JSON comparisons', () => {
    const rows = json.comparisons.filter((c) => c.groupBy === 'all' || c.groupBy === 'type');
    expect(rows.length).toBe(17 * 4);
    for (const c of rows) {
      const ch = cell('', c.groupBy, c.group, c.indicator, 'changePp');
      expect(ch.length).toBeGreaterThan(0);
      for (const x of ch) {
        // every significant change carries its sign: "+3.7 ▲", "−4.4 ▼", or "+1.1 n.s."
        const [value, mark] = text(x).split(' ');
        expect(near(value!, c.changePp!), `${text(x)} vs ${c.changePp}`).toBe(true);
        expect(mark).toBe(c.significant ? (c.changePp! > 0 ? '▲' : '▼') : 'n.s.');
      }
      for (const x of cell('', c.groupBy, c.group, c.indicator, 'changeCi')) {
        const [lo, hi] = text(x).split(' to ');
        expect(near(lo!, c.ciLow!) && near(hi!, c.ciHigh!)).toBe(true);
      }
      for (const x of cell('', c.groupBy, c.group, c.indicator, 'pAdjusted')) {
        const t = text(x).replace(' ✱', '');
        if (c.pAdjusted! < 0.001) expect(t).toBe('< 0.001');
        else expect(near(t, c.pAdjusted!, c.pAdjusted! < 0.01 ? 0.0005 : 0.005), `${t} vs ${c.pAdjusted}`).toBe(true);
      }
    }
  });

  it(
    'shows every target row: baseline, current, both targets, ' + 'distance, verdict, change and power as in the JSON',
    () => {
      const VERDICT: Record<string, string> = { met: 'Met', missed: 'Missed', inconclusive: 'Inconclusive' };
      expect(json.targets.length).toBe(3 * 4);
      for (const t of json.targets) {
        const get = (f: string) => cell('', t.groupBy, t.group, t.indicator, f);
        for (const f of ['baseline', 'current', 'targetPoints', 'targetRelative'] as const)
          for (const x of get(f)) expect(near(text(x), t[f]!), `${f} ${text(x)} vs ${t[f]}`).toBe(true);
        expect(get('verdict').map(text)).toContain(`${VERDICT[t.verdict!]}${t.lean ? ` (lean ${t.lean})` : ''}`);
        // the change's call agrees with the JSON (and so with the compare family it shares)
        const [change, mark] = text(get('change')[0]!).split(' ');
        expect(near(change!, t.change!)).toBe(true);
        expect(mark).toBe(t.changeDirection === 'rose' ? '▲' : t.changeDirection === 'fell' ? '▼' : 'n.s.');
        expect(text(get('power')[0]!)).toContain(`smallest detectable ${t.detectableRise!.toFixed(1)}`);
        const [d] = text(get('d')[0]!).split(' (');
        expect(near(d!, t.d!)).toBe(true);
      }
    },
  );

  it('says at the top that the bundled samples are synthetic, and only for them', async () => {
    expect(text(elements(dom, 'header')[0]!)).toContain(
      'Synthetic data: this report was made from the bundled synthetic sample waves',
    );
    expect(md.split('\n').slice(0, 6).join('\n')).toContain('Synthetic data');
    const own = await runMain([
      'report',
      join(ROOT, 'data/samples/wave-2006.csv'),
      join(ROOT, 'data/samples/wave-2009.csv'),
    ]);
    expect(own.stdout).not.toContain('Synthetic data');
  });

  it('lists every finding sentence, and the row accounting', () => {
    const items = [...walk(dom)].filter((n) => attr(n, 'data-field') === 'finding').map(text);
    expect(items).toEqual(expect.arrayContaining(json.findings.map((f) => f.text)));
    expect(items.length).toBe(json.findings.length);
    const read = [...walk(dom)].find((n) => attr(n, 'data-field') === 'read')!;
    expect(num(text(read))).toBe(json.accounting.read);
  });

  it('is well-formed HTML5: no parse errors, even with hostile names', () => {
    expect(parseErrors(html)).toEqual([]);
  });

  it('is self-contained: no scripts, no external resources, every SVG titled', () => {
    const all = [...walk(dom)];
    expect(elements(dom, 'script')).toHaveLength(0);
    expect(
      all.filter((n) => ['link', 'img', 'iframe', 'object', 'embed', 'image', 'use'].includes(n.tagName ?? '')),
    ).toHaveLength(0);
    for (const n of all)
      for (const a of n.attrs ?? []) {
        expect(a.name.startsWith('on'), a.name).toBe(false);
        if (a.name === 'href' || a.name === 'src' || a.name === 'xlink:href')
          expect(a.value.startsWith('#'), a.value).toBe(true);
      }
    expect(html).not.toMatch(/@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const ids = all.map((n) => attr(n, 'id')).filter((x): x is string => x !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    for (const n of all) {
      for (const ref of (attr(n, 'aria-labelledby') ?? '').split(' ').filter(Boolean)) expect(ids).toContain(ref);
      const href = attr(n, 'href');
      if (href) expect(ids).toContain(href.slice(1));
    }
    const svgs = elements(dom, 'svg');
    expect(svgs.length).toBe(2 * 7);
    for (const s of svgs) {
      const title = (s.childNodes ?? []).find((c) => c.tagName === 'title');
      expect(title && text(title).length).toBeGreaterThan(10);
    }
  });

  it('has the six sections in order, one per domain, with a chart and a table in each domain', () => {
    const ids = elements(dom, 'section').map((s) => attr(s, 'id'));
    expect(ids).toEqual([
      'summary',
      'headline',
      ...['belonging', 'neighbourhood', 'diversity', 'trust', 'reciprocity', 'influence', 'participation'].map(
        (d) => `domain-${d}`,
      ),
      'findings',
      'neighbourhoods',
      'methodology',
    ]);
    for (const s of elements(dom, 'section').filter((x) => attr(x, 'id')?.startsWith('domain-'))) {
      expect(elements(s, 'svg')).toHaveLength(2);
      expect(elements(s, 'table').length).toBeGreaterThanOrEqual(1);
    }
    for (const h of [
      '## 1. Data summary',
      '## 2. Headline',
      '## 3.1 Belonging',
      '## 3.7 Participation',
      '## 4. Findings',
      '## 5. Neighbourhoods',
      '## 6. Methodology',
    ])
      expect(md).toContain(h);
    expect(md).not.toContain('<svg');
  });

  it('matches the golden files (regenerate: UPDATE_GOLDEN=1 npx vitest run test/commands/report.test.ts)', () => {
    if (UPDATE) {
      writeFileSync(GOLDEN_HTML, html);
      writeFileSync(GOLDEN_MD, md);
    }
    expect(existsSync(GOLDEN_HTML), 'no golden file: run with UPDATE_GOLDEN=1').toBe(true);
    expect(html).toBe(readFileSync(GOLDEN_HTML, 'utf8'));
    expect(md).toBe(readFileSync(GOLDEN_MD, 'utf8'));
  });

  it('is deterministic: a second run is byte-identical, and carries no date unless --date is given', async () => {
    const again = await runMain(['report']);
    expect(again.stdout).toBe(html);
    expect(html).not.toMatch(/Date:/);
    const dated = await runMain(['report', '--date', '2009-04-01']);
    expect(dated.stdout).toContain('Date: 2009-04-01.');
    const datedMd = await runMain(['report', '--format', 'md', '--date', '2009-04-01']);
    expect(datedMd.stdout).toContain('Date: 2009-04-01.');
  });
});

describe('report: escaping text from input files', () => {
  const NAME = '<script>alert(1)</script>';
  const TYPE = 'av<i>erage</i> & "co"';
  const SOURCE = '<a href="http://example.invalid/">click</a>';
  const DISTRICT = '<img src=x onerror=alert(2)>';
  let areas = '';
  let files: string[] = [];

  beforeAll(() => {
    const lines = readFileSync(join(ROOT, 'data/areas.csv'), 'utf8').trim().split('\n');
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const out = [lines[0]!];
    for (const line of lines.slice(1)) {
      const [code, name, aliases, district, type, source, mailed] = line.split(',');
      out.push(
        [
          code,
          code === 'BL-BRA' ? csvCell(NAME) : name,
          aliases,
          code === 'BL-WHE' ? csvCell(DISTRICT) : district,
          type === 'average' ? csvCell(TYPE) : type,
          code === 'BL-SHA' ? csvCell(SOURCE) : source,
          mailed,
        ].join(','),
      );
    }
    areas = join(tmp.dir, 'areas-hostile.csv');
    writeFileSync(areas, `${out.join('\n')}\n`);
    const odd = join(tmp.dir, 'wave<b>2009&amp;.csv');
    copyFileSync(join(ROOT, 'data/samples/wave-2009.csv'), odd);
    files = [join(ROOT, 'data/samples/wave-2006.csv'), odd];
  });

  it('HTML: names, types, districts, sources and file names appear as text, never as markup', async () => {
    const r = await runMain(['report', ...files, '--areas', areas]);
    expect(r.code, r.stderr).toBe(0);
    const dom = parseHtml(r.stdout);
    const all = [...walk(dom)];
    for (const tag of ['script', 'img', 'a', 'i', 'b'])
      expect(
        all.filter((n) => n.tagName === tag && (tag !== 'a' || !attr(n, 'href')?.startsWith('#'))),
        tag,
      ).toHaveLength(0);
    for (const n of all) for (const a of n.attrs ?? []) expect(a.name.startsWith('on')).toBe(false);
    expect(parseErrors(r.stdout)).toEqual([]);
    const body = text(dom);
    for (const s of [NAME, TYPE, SOURCE, DISTRICT, 'wave<b>2009&amp;.csv']) expect(body, s).toContain(s);
    // The type label also reaches the SVG legends, as text.
    const svgText = elements(dom, 'svg')
      .flatMap((s) => elements(s, 'text'))
      .map(text);
    expect(svgText.some((t) => t.includes(TYPE.slice(1)))).toBe(true); // capitalised in legends: "Av<i>erage…"
  });

  it('Markdown: the same texts cannot open a tag', async () => {
    const r = await runMain(['report', ...files, '--areas', areas, '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/<(script|img|a|i|b)[\s>]/i);
    expect(r.stdout).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('report: options and exit codes', () => {
  it(
    'exits 3 with --fail-on-missed-target when a verdict is missed ' + '(NI1 in the samples), and 0 without it',
    async () => {
      const json = (await runJson(['targets', '--format', 'json'])).json as { targets: Target[] } | undefined;
      const missed = (json?.targets ?? []).some((t) => t.verdict === 'missed');
      expect(missed).toBe(true);
      const out = join(tmp.dir, 'r.html');
      expect((await runMain(['report', '-o', out, '--fail-on-missed-target'])).code).toBe(3);
      expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
      expect((await runMain(['report', '-o', out])).code).toBe(0);
    },
  );

  it('exits 0 with --fail-on-missed-target when no verdict is missed (uplift 0)', async () => {
    const r = await runJson(['targets', '--format', 'json', '--uplift', '0']);
    const missed = ((r.json as { targets: Target[] }).targets ?? []).some((t) => t.verdict === 'missed');
    expect(missed).toBe(false);
    expect((await runMain(['report', '--uplift', '0', '--fail-on-missed-target'])).code).toBe(0);
  });

  it(
    'shows published-baseline targets (--targets) with the target used, ' + 'as targets --format json gives them',
    async () => {
      const file = join(tmp.dir, 'place-survey.csv');
      writeFileSync(file, 'indicator,group,baseline,target\nNI1,all,60,65\nNI2,all,78\nNI4,rural,29\n');
      const json = (await runJson(['targets', '--targets', file, '--format', 'json'])).json as { targets: Target[] };
      expect(json.targets).toHaveLength(3);
      const r = await runMain(['report', '--targets', file]);
      expect(r.code, r.stderr).toBe(0);
      const cells = dataCells(parseHtml(r.stdout));
      for (const t of json.targets) {
        const used = cells.get(['', t.groupBy, t.group, t.indicator, 'target'].join('|')) ?? [];
        expect(used.length).toBeGreaterThan(0);
        for (const c of used) expect(near(text(c), t.target!), `${text(c)} vs ${t.target}`).toBe(true);
        expect(
          near(text(cells.get(['', t.groupBy, t.group, t.indicator, 'baseline'].join('|'))![0]!), t.baseline!),
        ).toBe(true);
      }
      expect(text(parseHtml(r.stdout))).toContain(`Published baselines from ${file}`);
    },
  );

  it('with weights, shows Kish effective n beside each base, as in the JSON', async () => {
    const rake = ['--rake', 'age_band,sex', '--margins', join(ROOT, 'data/margins/leicestershire-areas.csv')];
    const json = (await runJson(['analyse', '--format', 'json', '--by', 'all,type,neighbourhood', ...rake])).json as {
      estimates: Estimate[];
    };
    const r = await runMain(['report', ...rake]);
    expect(r.code, r.stderr).toBe(0);
    const cells = dataCells(parseHtml(r.stdout));
    let checked = 0;
    for (const e of json.estimates.filter((x) => x.groupBy !== 'neighbourhood')) {
      const c = cells.get([e.wave, e.groupBy, e.group, e.indicator, 'nEff'].join('|')) ?? [];
      expect(c.length).toBeGreaterThan(0);
      expect(e.nEff).toBeLessThan(e.unweightedBase); // raked weights are unequal
      for (const x of c) expect(Math.abs(num(text(x)) - e.nEff)).toBeLessThanOrEqual(0.5);
      checked++;
    }
    expect(checked).toBe(2 * 17 * 4);
  });

  it('with three waves, shows each wave and the earliest→latest change, as in the JSON', async () => {
    const lines = readFileSync(join(ROOT, 'data/samples/wave-2009.csv'), 'utf8').split('\n');
    const w2012 = join(tmp.dir, 'wave-2012.csv');
    writeFileSync(
      w2012,
      [
        lines[0],
        ...lines
          .slice(1)
          .filter(Boolean)
          .map((l) => l.replace(/^([^,]*),2009,/, '$1-12,2012,')),
      ].join('\n'),
    );
    const files = [join(ROOT, 'data/samples/wave-2006.csv'), join(ROOT, 'data/samples/wave-2009.csv'), w2012];
    const json = (await runJson(['analyse', ...files, '--format', 'json', '--by', 'all,type,neighbourhood'])).json as {
      estimates: Estimate[];
      comparisons: Comparison[];
    };
    const r = await runMain(['report', ...files]);
    expect(r.code, r.stderr).toBe(0);
    const cells = dataCells(parseHtml(r.stdout));
    const shown = json.estimates.filter((e) => e.groupBy !== 'neighbourhood');
    expect(new Set(shown.map((e) => e.wave))).toEqual(new Set(['2006', '2009', '2012']));
    for (const e of shown)
      for (const c of cells.get([e.wave, e.groupBy, e.group, e.indicator, 'percent'].join('|')) ?? [])
        expect(near(text(c), e.percent!)).toBe(true);
    const changes = json.comparisons.filter((c) => c.groupBy === 'type');
    expect(changes.every((c) => c.from === '2006' && c.to === '2012')).toBe(true);
    for (const c of changes)
      expect(
        near(
          text(cells.get(['', c.groupBy, c.group, c.indicator, 'changePp'].join('|'))![0]!).split(' ')[0]!,
          c.changePp!,
        ),
      ).toBe(true);
  });

  it('exits 2 on a bad --format or --level', async () => {
    expect((await runMain(['report', '--format', 'pdf'])).code).toBe(2);
    expect((await runMain(['report', '--level', '2'])).code).toBe(2);
  });

  it('shows a one-wave run without changes or targets, and says why', async () => {
    const r = await runMain(['report', join(ROOT, 'fixtures/paper-2009.csv'), '--format', 'md']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('- **Targets:** none in this run.');
    expect(r.stdout).not.toContain('Change 2006');
    expect(r.stdout).not.toContain('### Changes between waves');
  });
});
