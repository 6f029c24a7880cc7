import type { FileInfo } from '../types/index.js';
import type { FileSummary } from '../ingest/read-survey.js';

export const SCHEMA_VERSION = 2;

/** What the JSON says about each file read. */
export function fileInfos(files: FileSummary[]): FileInfo[] {
  return files.map((f) => ({
    file: f.label,
    format: f.format,
    encoding: f.encoding,
    separator: f.separator === '\t' ? 'tab' : f.separator,
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
    rows: f.read,
    itemsAbsent: f.itemsAbsent,
  }));
}
