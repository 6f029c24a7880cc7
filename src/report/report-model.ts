import type { CodebookItem } from '../codebook/schema.js';
import type { AreaTestRow, ComparisonRow, TypeTestRow } from '../types/index.js';
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
  /** the area-type tests of one indicator, in result order */
  typeTestsOf(indicator: string): TypeTestRow[];
  /** the test of one area against the rest */
  areaTest(wave: string, indicator: string, area: string): AreaTestRow | undefined;
  /** the items shown in some domain section */
  reported: ReadonlySet<CodebookItem>;
  /** the half-width of the change charts' shared axis (points), computed once for every domain */
  changeRange: number;
}

/** Rows grouped by a key, in their order: one pass, so a look-up per item costs nothing (the report stays linear). */
function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
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
  const targetsBy = groupBy(sections.targets ?? [], (t) => t.indicator);
  const typeTestsBy = groupBy(sections.typeTests ?? [], (t) => t.indicator);
  const areaTests = new Map((sections.areaTests ?? []).map((t) => [`${t.wave}|${t.indicator}|${t.area}`, t]));
  const domains = reportDomains(input.codebook.domains, items);
  return {
    ...sections,
    input,
    waves: r.waves,
    from: first?.from,
    to: first?.to,
    groups,
    headlineItems: HEADLINE_NIS.flatMap((ni) => items.filter((it) => it.ni === ni)),
    domains,
    weighted: r.estimates.some((e) => e.deff !== null && Math.abs(e.deff - 1) > 1e-9),
    neighbourhoods: input.areas.filter((a) => areaCodes.has(a.code)),
    estimate: (wave, groupBy, group, indicator) => est.get(`${wave}|${groupBy}|${group}|${indicator}`),
    comparison: (groupBy, group, indicator) => cmp.get(`${groupBy}|${group}|${indicator}`),
    targetRows: (indicator) => targetsBy.get(indicator) ?? [],
    typeTestsOf: (indicator) => typeTestsBy.get(indicator) ?? [],
    areaTest: (wave, indicator, area) => areaTests.get(`${wave}|${indicator}|${area}`),
    reported: new Set(domains.flatMap((d) => d.items)),
    changeRange: changeRangeOf(sections.comparisons ?? []),
  };
}

/**
 * Each domain once (a codebook that lists one twice gets one section), with its items, and a slug that no other
 * domain has, so the HTML ids are unique. One pass over the items: the report stays linear in their number.
 */
function reportDomains(domains: readonly string[], items: readonly CodebookItem[]): ReportModel['domains'] {
  const byDomain = new Map<string, CodebookItem[]>();
  for (const it of items) {
    const list = byDomain.get(it.domain);
    if (list) list.push(it);
    else byDomain.set(it.domain, [it]);
  }
  const seenDomains = new Set<string>();
  const seenSlugs = new Set<string>();
  const out: ReportModel['domains'] = [];
  domains.forEach((domain, i) => {
    if (seenDomains.has(domain)) return;
    seenDomains.add(domain);
    let slug = domainSlug(domain, i);
    for (let k = 2; seenSlugs.has(slug); k++) slug = `${domainSlug(domain, i)}-${k}`;
    seenSlugs.add(slug);
    const list = byDomain.get(domain);
    if (list?.length) out.push({ domain, slug, items: list });
  });
  return out;
}

/**
 * The half-width of the change axis: the widest |CI end| over every change shown, rounded up to 5 points
 * (at least 10).
 */
function changeRangeOf(comparisons: readonly ComparisonRow[]): number {
  let max = 0;
  for (const c of comparisons) {
    if (c.groupBy !== 'all' && c.groupBy !== 'type') continue;
    for (const v of [c.ciLow, c.ciHigh, c.changePp]) if (v !== null) max = Math.max(max, Math.abs(v));
  }
  return Math.max(10, Math.ceil(max / 5) * 5);
}

/** An id-safe name for a domain: kept when it is already lower-case letters, digits and hyphens. */
export function domainSlug(domain: string, index: number): string {
  return /^[a-z][a-z0-9-]*$/.test(domain)
    ? domain
    : `d${index + 1}-${domain
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`;
}
