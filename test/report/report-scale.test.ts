import { describe, expect, it } from 'vitest';
import type { Codebook, CodebookItem } from '../../src/codebook/schema.js';
import { renderReportHtml } from '../../src/report/render-report-html.js';
import { renderReportMd } from '../../src/report/render-report-md.js';
import type { ComparisonRow, Estimate } from '../../src/types/index.js';
import { AREAS, CODEBOOK, input, result } from './report-fixture.js';

/*
 * The report is linear in the number of codebook items: every look-up the renderers make per item (comparisons,
 * tests, targets) goes through a map built once. A generated codebook of n items, each in its own domain (the worst
 * case: one section per item), is rendered, and every read of an element of the comparison rows is counted; the
 * count per row must not grow with n (it did: each domain's change chart re-scanned every comparison).
 */
function generated(n: number) {
  const base = CODEBOOK.items[0]!;
  const { published: _published, ...plain } = base;
  const items: CodebookItem[] = Array.from({ length: n }, (_, i) => ({
    ...plain,
    id: `q${i}`,
    shortLabel: `Q${i}`,
    domain: `d${i}`,
    ni: null,
  }));
  const codebook: Codebook = { ...CODEBOOK, domains: items.map((it) => it.domain), items };
  const estimates: Estimate[] = [];
  const comparisons: ComparisonRow[] = [];
  for (const it of items) {
    for (const wave of ['2006', '2009'])
      for (const [groupBy, group] of [
        ['all', 'all'],
        ['type', 'rural'],
        ['neighbourhood', 'A1'],
      ] as const)
        estimates.push({
          wave,
          groupBy,
          group,
          indicator: it.id,
          ni: null,
          domain: it.domain,
          positive: 100,
          base: 200,
          unweightedPositive: 100,
          unweightedBase: 200,
          percent: 50,
          ciLow: 45,
          ciHigh: 55,
          nEff: 200,
          deff: 1,
          flag: 'ok',
        });
    for (const [groupBy, group] of [
      ['all', 'all'],
      ['type', 'rural'],
    ] as const)
      comparisons.push({
        indicator: it.id,
        ni: null,
        groupBy,
        group,
        from: '2006',
        to: '2009',
        p1: 50,
        p2: 52,
        changePp: 2,
        ciLow: -3,
        ciHigh: 7,
        z: 1,
        p: 0.3,
        pAdjusted: 0.6,
        family: `2006-2009:${groupBy}`,
        familySize: n,
        significant: false,
        flag: 'ok',
      });
  }
  let reads = 0;
  const counted = new Proxy(comparisons, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const i = input(result(estimates, { comparisons: counted }), { codebook, areas: AREAS });
  return { i, reads: () => reads, rows: comparisons.length };
}

describe('report rendering is linear in the number of items', () => {
  it.each([
    ['HTML', renderReportHtml],
    ['Markdown', renderReportMd],
  ] as const)(
    '%s: a 2,000-item codebook (one domain each) completes, reading each comparison row a bounded number of times',
    (_name, render) => {
      const small = generated(100);
      render(small.i);
      const large = generated(2000);
      const text = render(large.i);
      expect(text).toContain('Q1999');
      const perRowSmall = small.reads() / small.rows;
      const perRowLarge = large.reads() / large.rows;
      expect(perRowLarge).toBeLessThanOrEqual(perRowSmall * 1.5);
    },
    60_000,
  );

  it('domains listed twice get one section each and unique ids', () => {
    const g = generated(3);
    const codebook = { ...g.i.codebook, domains: [...g.i.codebook.domains, 'd0', 'd1'] };
    const html = renderReportHtml({ ...g.i, codebook });
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html.match(/<section id="domain-d0"/g)).toHaveLength(1);
  });
});
