import { emit, type Io } from '../io/console.js';
import { parseCommandOptions } from '../options/option-schema.js';
import { analysisRequest } from '../options/request.js';
import { preflight } from '../pipeline/preflight.js';
import { runAnalysis } from '../pipeline/run-analysis.js';
import { targetExit } from '../pipeline/target-exit.js';
import { renderReportHtml } from '../report/render-report-html.js';
import { renderReportMd } from '../report/render-report-md.js';
import type { ReportInput } from '../report/report-input.js';
import { areaProfile, profileTable } from '../render/render-profile.js';
import { resolveArea } from './profile.js';

/** The report always needs the whole-survey, area-type and neighbourhood views, whatever else --by asks for. */
export const REPORT_GROUPINGS = ['all', 'type', 'neighbourhood'] as const;

/**
 * `report`: the analyse result (estimates, changes, type and area tests, targets, findings) rendered as one
 * self-contained HTML file or as Markdown. Exit 3 with --fail-on-missed-target when a verdict is `missed`.
 */
export async function runReport(raw: Record<string, unknown>, io: Io): Promise<number> {
  const out = parseCommandOptions('report', raw);
  const { request: o } = analysisRequest(raw);
  preflight(o, io, out.output);
  const by = [...REPORT_GROUPINGS, ...o.by.filter((g) => !(REPORT_GROUPINGS as readonly string[]).includes(g))];
  const { result, survey, label } = await runAnalysis({ ...o, by }, io, {
    comparisons: true,
    typeTests: true,
    areaTests: true,
    targets: true,
    findings: true,
  });
  const surveyed = new Set(result.estimates.filter((e) => e.groupBy === 'neighbourhood').map((e) => e.group));
  const chosen = out.profileAll
    ? survey.registry.areas.filter((a) => surveyed.has(a.code))
    : (out.profile ?? []).map((n) => resolveArea(survey.registry, n));
  const profiles = chosen.map((a) => {
    const profile = areaProfile(result, a);
    return { profile, table: profileTable(profile, survey.codebook, o.level) };
  });
  const input: ReportInput = {
    result,
    codebook: survey.codebook,
    areas: survey.registry.areas,
    label,
    alpha: o.alpha,
    adjust: o.adjust,
    samples: survey.usedSamples,
    ...(out.date ? { date: out.date } : {}),
    ...(profiles.length ? { profiles } : {}),
  };
  const text = out.format === 'md' ? renderReportMd(input) : renderReportHtml(input);
  await emit(io, text, out.output);
  return targetExit(result.targets, o, (why) => io.stderr.write(`sc-survey: ${why}\n`));
}
