import { describe, expect, it } from 'vitest';
import { buildReportModel, domainSlug } from '../../src/report/report-model.js';
import { est, input, result } from './report-fixture.js';

describe('buildReportModel', () => {
  const estimates = [
    est('2009', 'all', 'all', 'influence_decisions', 30),
    est('2009', 'all', 'all', 'backgrounds_get_on', 60),
    est('2009', 'all', 'all', 'belong_neighbourhood', 78),
    est('2009', 'type', 'average', 'trust_general', 30),
    est('2009', 'type', 'rural', 'trust_general', 40),
    est('2009', 'neighbourhood', 'B1', 'trust_general', 40),
  ];
  const m = buildReportModel(input(result(estimates)));

  it('orders the headline NI1, NI2, NI4 whatever the codebook order', () => {
    expect(m.headlineItems.map((it) => it.ni)).toEqual(['NI1', 'NI2', 'NI4']);
  });

  it('puts all surveyed areas first, then the types rural, deprived, average as present', () => {
    expect(m.groups).toEqual([
      { groupBy: 'all', group: 'all' },
      { groupBy: 'type', group: 'rural' },
      { groupBy: 'type', group: 'average' },
    ]);
  });

  it('keeps only the domains and neighbourhoods that have estimates', () => {
    expect(m.domains.map((d) => d.domain)).toEqual(['belonging', 'diversity', 'trust', 'influence']);
    expect(m.neighbourhoods.map((a) => a.code)).toEqual(['B1']);
  });

  it('is weighted only when some design effect differs from 1', () => {
    expect(m.weighted).toBe(false);
    const w = buildReportModel(
      input(result([{ ...est('2009', 'all', 'all', 'trust_general', 30), nEff: 150, deff: 200 / 150 }])),
    );
    expect(w.weighted).toBe(true);
  });
});

describe('domainSlug', () => {
  it('keeps a clean name and makes any other id-safe and unique by position', () => {
    expect(domainSlug('belonging', 0)).toBe('belonging');
    expect(domainSlug('Civic <life> & trust', 7)).toBe('d8-civic-life-trust');
  });
});
