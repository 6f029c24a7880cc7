import { loadCodebook } from '../../src/codebook/load-codebook.js';
import type { AnalyseResult } from '../../src/types/index.js';
import type { ReportInput } from '../../src/report/report-input.js';
import type { Area, Estimate, Flag } from '../../src/types/index.js';

export const CODEBOOK = loadCodebook('leicestershire').codebook;

export const AREAS: Area[] = [
  { code: 'A1', name: 'Alpha', aliases: [], district: 'North', type: 'rural', typeSource: 'by hand', mailed: 100 },
  { code: 'B1', name: 'Beta', aliases: [], district: 'South', type: 'deprived', typeSource: 'by hand', mailed: 100 },
];

/** An estimate with hand-picked numbers; suppressed ones carry nulls as estimateTally gives them. */
export function est(
  wave: string,
  groupBy: string,
  group: string,
  indicator: string,
  percent: number | null,
  flag: Flag = 'ok',
  n = 200,
): Estimate {
  const item = CODEBOOK.items.find((i) => i.id === indicator)!;
  const shown = flag === 'ok' || flag === 'indicative';
  return {
    wave,
    groupBy,
    group,
    indicator,
    ni: item.ni ?? null,
    domain: item.domain,
    positive: shown ? ((percent ?? 0) * n) / 100 : null,
    base: n,
    unweightedPositive: shown ? Math.round(((percent ?? 0) * n) / 100) : null,
    unweightedBase: n,
    percent: shown ? percent : null,
    ciLow: shown && percent !== null ? percent - 3 : null,
    ciHigh: shown && percent !== null ? percent + 3 : null,
    nEff: n,
    deff: n ? 1 : null,
    flag,
  };
}

export function result(estimates: Estimate[], extra: Record<string, unknown> = {}): AnalyseResult {
  return {
    schemaVersion: 2,
    design: {
      codebook: 'leicestershire',
      areas: 'areas.csv',
      weights: 'none',
      ci: 'wilson',
      ciMethod: "Wilson score interval on Kish's effective n",
      level: 0.95,
      minBase: 30,
      indicativeBase: 100,
      suppression: '* suppressed: unweighted base under 30; † indicative: base under 100',
      groupings: ['all', 'type', 'neighbourhood'],
      population: 'the surveyed areas',
    },
    accounting: {
      read: 10,
      analysed: 9,
      setAside: { 'unknown-area': 1 },
      cellIssues: {},
      answers: {},
      blankLinesSkipped: 0,
      duplicatesUnchecked: [],
    },
    files: [{ file: 'survey.csv', format: 'csv', encoding: 'utf8', separator: ',', rows: 10, itemsAbsent: [] }],
    waves: [...new Set(estimates.map((e) => e.wave))].sort(),
    waveOrder: { order: [...new Set(estimates.map((e) => e.wave))].sort(), basis: 'plain numbers, in numeric order' },
    suspectWaves: [],
    estimates,
    returns: [],
    ...extra,
  };
}

export function input(r: AnalyseResult, o: Partial<ReportInput> = {}): ReportInput {
  return {
    result: r,
    codebook: CODEBOOK,
    areas: AREAS,
    alpha: 0.05,
    adjust: 'bh',
    label: (groupBy, group) =>
      groupBy === 'all'
        ? 'All surveyed areas'
        : groupBy === 'neighbourhood'
          ? (AREAS.find((a) => a.code === group)?.name ?? group)
          : group,
    ...o,
  };
}
