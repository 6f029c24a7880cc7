import { z } from 'zod';
import { EXIT } from '../errors.js';
import { emit, type Io } from '../io.js';
import { parseOptions, targetOptionsSchema } from '../pipeline/parse-options.js';
import { renderReportHtml } from '../report/render-report-html.js';
import { renderReportMd } from '../report/render-report-md.js';
import { reportSections, type ReportInput } from '../report/report-input.js';
import { analyseSurvey } from './analyse.js';

export const reportOptionsSchema = targetOptionsSchema.extend({
  format: z.enum(['html', 'md'], { message: '--format must be html or md' }).default('html'),
  date: z.string().trim().min(1, '--date must not be blank').optional(),
});

/** The report always needs the whole-survey, area-type and neighbourhood views, whatever else --by asks for. */
export const REPORT_GROUPINGS = ['all', 'type', 'neighbourhood'] as const;

/**
 * `report`: the analyse result (estimates, changes, type and area tests, targets, findings) rendered as one
 * self-contained HTML file or as Markdown. Exit 3 with --fail-on-missed-target when a verdict is `missed`.
 */
export async function runReport(raw: Record<string, unknown>, io: Io): Promise<number> {
  const o = parseOptions(reportOptionsSchema, raw);
  const by = [...REPORT_GROUPINGS, ...o.by.filter((g) => !(REPORT_GROUPINGS as readonly string[]).includes(g))];
  const { result, survey, label } = await analyseSurvey({ ...o, by }, io, { comparisons: true, typeTests: true, areaTests: true, targets: true, findings: true });
  const input: ReportInput = {
    result, codebook: survey.codebook, areas: survey.registry.areas, label, alpha: o.alpha, adjust: o.adjust, samples: survey.usedSamples,
    ...(o.date ? { date: o.date } : {}),
  };
  const text = o.format === 'md' ? renderReportMd(input) : renderReportHtml(input);
  await emit(io, text, o.output);
  return o.failOnMissedTarget && (reportSections(result).targets ?? []).some((t) => t.verdict === 'missed') ? EXIT.targetMissed : EXIT.ok;
}
