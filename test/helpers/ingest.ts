import { loadAreas } from '../../src/areas/load-areas.js';
import { createIssueLog, type IssueLog } from '../../src/ingest/issue-log.js';
import { readSurveyFiles, type FileSummary } from '../../src/ingest/read-survey.js';
import { type IngestOptions } from '../../src/ingest/ingest-options.js';
import type { SurveyRow } from '../../src/types/index.js';
import { bundledCodebook } from './codebook.js';

export interface Ingested {
  log: IssueLog;
  rows: SurveyRow[];
  summaries: FileSummary[];
}

/** Run the streaming ingest on files with the bundled codebook and registry, copying every row handed on. */
export async function ingest(paths: string[], o: Partial<IngestOptions> = {}): Promise<Ingested> {
  const { compiled } = bundledCodebook();
  const log = createIssueLog();
  const rows: SurveyRow[] = [];
  const summaries = await readSurveyFiles(
    paths.map((p) => ({ path: p, label: p })),
    { codebook: compiled, registry: loadAreas(), weightColumn: 'weight', weightRequired: false, ...o },
    (row) => rows.push({ ...row, profile: { ...row.profile }, codes: row.codes.slice() }),
    log,
  );
  return { log, rows, summaries };
}
