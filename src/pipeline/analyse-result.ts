import type { FileInfo } from '../types/index.js';
import type { FileSummary } from '../ingest/read-survey.js';

export const SCHEMA_VERSION = 2;

/** What the JSON says about each file read. */
export function fileInfos(files: FileSummary[]): FileInfo[] {
  return files.map((f) => ({ file: f.label, encoding: f.encoding, separator: f.separator === '\t' ? 'tab' : f.separator, rows: f.read, itemsAbsent: f.itemsAbsent }));
}

