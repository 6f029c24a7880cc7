import type { CodebookItem } from '../codebook/schema.js';
import type { ComparisonRow } from '../types/index.js';
import { orderTypes } from '../format/order-types.js';
import type { TargetRow } from '../types/index.js';
import type { Estimate } from '../types/index.js';
import { reportSections, type ReportInput, type ReportSections } from './report-input.js';

/** The NI indicators with LAA targets, in headline order. */
export const HEADLINE_NIS = ['NI1', 'NI2', 'NI4'] as const;

export interface GroupKey {
  groupBy: 'all' | 'type';
  group: string;
}

/** Lookups over the result that both renderers share; no arithmetic beyond what the result holds. */
export interface ReportModel extends ReportSections {
  input: ReportInput;
  waves: string[];
  /** the pair of waves compared, when comparisons are present */
  from: string | undefined;
  to: string | undefined;
  /** All surveyed areas, then each area type in display order */
  groups: GroupKey[];
  headlineItems: CodebookItem[];
  /** `slug` is safe in an id and unique: `belonging`, or `d3-my-domain` when the name needs cleaning */
  domains: { domain: string; slug: string; items: CodebookItem[] }[];
  /** some weight differs from 1 (a design effect other than 1), so effective n is worth showing */
  weighted: boolean;
  /** registry areas with at least one estimate, in registry order */
  neighbourhoods: ReportInput['areas'][number][];
  estimate(wave: string, groupBy: string, group: string, indicator: string): Estimate | undefined;
  comparison(groupBy: string, group: string, indicator: string): ComparisonRow | undefined;
  /** survey-uplift or published-baseline row for a group */
  targetRows(indicator: string): TargetRow[];
}

export function buildReportModel(input: ReportInput): ReportModel {
  const r = input.result;
  const sections = reportSections(r);
  const est = new Map(r.estimates.map((e) => [`${e.wave}|${e.groupBy}|${e.group}|${e.indicator}`, e]));
  const cmp = new Map((sections.comparisons ?? []).map((c) => [`${c.groupBy}|${c.group}|${c.indicator}`, c]));
  const present = new Set(r.estimates.map((e) => e.indicator));
  const items = input.codebook.items.filter((it) => present.has(it.id));
  const types = orderTypes(r.estimates.filter((e) => e.groupBy === 'type').map((e) => e.group));
  const groups: GroupKey[] = [
    ...(r.estimates.some((e) => e.groupBy === 'all') ? [{ groupBy: 'all' as const, group: 'all' }] : []),
    ...types.map((group) => ({ groupBy: 'type' as const, group })),
  ];
  const areaCodes = new Set(r.estimates.filter((e) => e.groupBy === 'neighbourhood').map((e) => e.group));
  const first = sections.comparisons?.[0];
  return {
    ...sections,
    input,
    waves: r.waves,
    from: first?.from,
    to: first?.to,
    groups,
    headlineItems: HEADLINE_NIS.flatMap((ni) => items.filter((it) => it.ni === ni)),
    domains: input.codebook.domains
      .map((domain, i) => ({ domain, slug: domainSlug(domain, i), items: items.filter((it) => it.domain === domain) }))
      .filter((d) => d.items.length > 0),
    weighted: r.estimates.some((e) => e.deff !== null && Math.abs(e.deff - 1) > 1e-9),
    neighbourhoods: input.areas.filter((a) => areaCodes.has(a.code)),
    estimate: (wave, groupBy, group, indicator) => est.get(`${wave}|${groupBy}|${group}|${indicator}`),
    comparison: (groupBy, group, indicator) => cmp.get(`${groupBy}|${group}|${indicator}`),
    targetRows: (indicator) => (sections.targets ?? []).filter((t) => t.indicator === indicator),
  };
}

/** An id-safe name for a domain: kept when it is already lower-case letters, digits and hyphens. */
export function domainSlug(domain: string, index: number): string {
  return /^[a-z][a-z0-9-]*$/.test(domain) ? domain : `d${index + 1}-${domain.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
