import Papa from 'papaparse';
import { suggestArea, matchArea, type AreaRegistry } from '../areas/load-areas.js';
import { cellToCode, intToCode, type CompiledCodebook } from '../codebook/compile-codebook.js';
import { readCsvRecords } from './byte-scanner-fallback.js';
import type { CsvRecord } from './byte-scanner.js';
import { DataError } from '../errors.js';
import { CODE_ABSENT, CODE_INVALID, type Area, type SetAsideReason, type SurveyRow } from '../types.js';
import { detectEncoding, type EncodingInfo } from './detect-encoding.js';
import { createIdIndex } from './id-index.js';
import type { IssueLog } from './issue-log.js';
import { mapHeader, type HeaderMap } from './map-header.js';
import { readHead } from './open-text-stream.js';
import { profileKey, profileMatchers } from './profile-matcher.js';
import type { RejectWriter } from './reject-writer.js';
import { sniffSeparator, type Separator } from './sniff-separator.js';

export interface IngestOptions {
  codebook: CompiledCodebook;
  registry: AreaRegistry;
  /** label every row of a file without a wave column */
  assignWave?: string;
  /** null: ignore weights (every weight is 1) */
  weightColumn: string | null;
  /** the user named the weight column, so it must exist */
  weightRequired: boolean;
  /** keep only these waves; others are set aside as filtered-out */
  waves?: ReadonlySet<string>;
  rejects?: RejectWriter;
  /** profile columns every analysed row must have (the raking variables); others are set aside */
  requiredProfiles?: readonly string[];
  /** called with bytes consumed, for a progress bar */
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface FileSummary {
  file: string;
  /** the name printed in messages (`-` for stdin) */
  label: string;
  encoding: EncodingInfo['encoding'];
  separator: Separator;
  itemsAbsent: string[];
  weightColumnPresent: boolean;
  read: number;
}

interface PreparedFile {
  path: string;
  label: string;
  info: EncodingInfo;
  separator: Separator;
  header: HeaderMap;
}

/**
 * Stream every file, validate each row, and hand each analysable row to `onRow`. Every row is either
 * passed on or set aside with its reason in `log`. The row object is reused: `onRow` must not keep it.
 * Fatal problems in any file (unreadable, empty, header only, binary, missing column) stop the run
 * before any row is read, with every file checked first.
 */
export async function readSurveyFiles(
  files: { path: string; label: string }[],
  o: IngestOptions,
  onRow: (row: SurveyRow) => void,
  log: IssueLog,
): Promise<FileSummary[]> {
  const prepared: PreparedFile[] = [];
  const fatal: string[] = [];
  for (const f of files) {
    try {
      prepared.push(await prepareFile(f.path, f.label, o, log));
    } catch (err) {
      if (err instanceof DataError) fatal.push(err.message);
      else throw err;
    }
  }
  if (fatal.length) throw new DataError(fatal.join('\n'));
  const ids = createIdIndex();
  const summaries: FileSummary[] = [];
  const totalBytes = prepared.reduce((s, p) => s + p.info.size, 0);
  let doneBytes = 0;
  for (const p of prepared) {
    const read = await streamFile(p, o, onRow, log, ids, (b) => o.onProgress?.(doneBytes + b, totalBytes));
    doneBytes += p.info.size;
    if (read === 0) throw new DataError(`${p.label}: has a header but no data rows`);
    summaries.push({ file: p.path, label: p.label, encoding: p.info.encoding, separator: p.separator, itemsAbsent: p.header.itemsAbsent, weightColumnPresent: p.header.weight >= 0, read });
  }
  return summaries;
}

async function prepareFile(path: string, label: string, o: IngestOptions, log: IssueLog): Promise<PreparedFile> {
  let info: EncodingInfo;
  try {
    info = await detectEncoding(path);
  } catch (err) {
    throw new DataError(`${label}: cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (info.size - info.bomLength <= 0) throw new DataError(`${label}: the file is empty`);
  if (info.binary) throw new DataError(`${label}: this looks like a binary file (it contains NUL bytes), not a CSV survey file`);
  const head = await readHead(path, info);
  const firstBreak = head.search(/\r?\n/);
  const headerLine = firstBreak < 0 ? head : head.slice(0, firstBreak);
  if (headerLine.trim() === '') throw new DataError(`${label}: the first line is blank; expected a header row`);
  const rest = firstBreak < 0 ? '' : head.slice(firstBreak).trim();
  if (rest === '' && info.size <= 65536) throw new DataError(`${label}: has a header but no data rows`);
  const separator = sniffSeparator(headerLine);
  const headerFields = Papa.parse<string[]>(headerLine, { delimiter: separator }).data[0] ?? [];
  const { map, problems } = mapHeader(headerFields, o.codebook, {
    weightColumn: o.weightColumn,
    needWave: o.assignWave === undefined,
    weightRequired: o.weightRequired,
  });
  if (problems.length) throw new DataError(problems.map((p) => `${label}:1${p.column > 0 ? `:${p.column}` : ''}: ${p.message}`).join('\n'));
  if (info.encoding === 'windows-1252')
    log.add({ file: label, line: 0, column: 0, columnName: '', reason: 'windows-1252', severity: 'warning', value: '', message: 'the file is not valid UTF-8; read as Windows-1252' });
  if (map.itemsAbsent.length)
    log.add({
      file: label, line: 1, column: 0, columnName: '', reason: 'items-absent', severity: 'warning', value: map.itemsAbsent.join(','),
      message: `not in this file: ${map.itemsAbsent.join(', ')}`,
    });
  return { path, label, info, separator, header: map };
}

function streamFile(
  p: PreparedFile,
  o: IngestOptions,
  onRow: (row: SurveyRow) => void,
  log: IssueLog,
  ids: ReturnType<typeof createIdIndex>,
  progress: (bytes: number) => void,
): Promise<number> {
  const h = p.header;
  const nFields = h.names.length;
  const items = o.codebook.items;
  const missingValues = o.codebook.missingValues;
  const profiles = profileMatchers(o.codebook.codebook);
  const row: SurveyRow = { file: p.label, line: 0, respondentId: undefined, wave: '', area: '', weight: 1, profile: {}, codes: new Int16Array(items.length) };
  const acc = log.accounting;
  // Real files repeat a handful of area and profile spellings; matching each once keeps the hot loop cheap.
  const areaCache = new Map<string, Area | undefined>();
  // One cache per profile column, keyed by the raw cell: no key string is built per row.
  const profileColumns = [...h.profiles].map(([name, idx]) => ({ name, idx, cache: new Map<string, string | undefined>(), matcher: profiles.get(name) }));
  let isHeader = true;
  let read = 0;
  let rec: CsvRecord;

  const issue = (reason: string, column: number, value: string, message: string, suggestion?: string) =>
    log.add({
      file: p.label, line: row.line, column, columnName: column > 0 ? (h.names[column - 1] ?? '') : '', reason, severity: 'error', value, message,
      ...(suggestion ? { suggestion } : {}),
    });
  const cellIssue = (columnName: string, column: number, value: string, message: string) => {
    const key = `${columnName}:invalid-code`;
    acc.cellIssues[key] = (acc.cellIssues[key] ?? 0) + 1;
    log.add({ file: p.label, line: row.line, column, columnName, reason: 'invalid-code', severity: 'error', value, message });
  };
  const setAside = (reason: SetAsideReason) => {
    log.setAside(reason);
    o.rejects?.write(p.label, row.line, reason, rec.fields(), p.separator);
  };
  const cellAt = (i: number) => (i >= 0 ? rec.fieldString(i).trim() : '');

  const handle = (r: CsvRecord) => {
    rec = r;
    row.line = r.line;
    if (isHeader) {
      isHeader = false;
      return;
    }
    const count = r.fieldCount;
    if (count === 1 && r.fieldString(0).trim() === '') return; // blank line: not a row
    read++;
    acc.read++;
    if (count !== nFields || r.parseError) {
      issue('wrong-field-count', 0, '', r.parseError ? `malformed row: ${r.parseError}` : `expected ${nFields} fields, found ${count}`);
      return setAside('wrong-field-count');
    }
    const waveCell = h.wave >= 0 ? r.fieldCached(h.wave).trim() : (o.assignWave ?? '');
    if (waveCell === '') {
      issue('missing-wave', h.wave + 1, '', 'the wave is blank');
      return setAside('missing-wave');
    }
    const areaCell = r.fieldCached(h.neighbourhood);
    let area = areaCache.get(areaCell);
    if (area === undefined && !areaCache.has(areaCell)) {
      area = matchArea(o.registry, areaCell);
      if (areaCache.size < 10_000) areaCache.set(areaCell, area);
    }
    if (!area) {
      const near = suggestArea(o.registry, areaCell);
      issue('unknown-area', h.neighbourhood + 1, areaCell, `"${areaCell}" matches no area in the registry`, near ? `did you mean ${near}?` : undefined);
      return setAside('unknown-area');
    }
    let weight = 1;
    if (h.weight >= 0) {
      weight = r.fieldNumber(h.weight);
      if (!Number.isFinite(weight) || weight <= 0) {
        const w = cellAt(h.weight);
        weight = w === '' ? NaN : Number(w);
        if (!Number.isFinite(weight) || weight <= 0) {
          issue('bad-weight', h.weight + 1, w, `weight "${w}" is not a finite number > 0`);
          return setAside('bad-weight');
        }
      }
    }
    const id = cellAt(h.respondentId);
    if (id !== '' && ids.seen(waveCell, id)) {
      issue('duplicate-id', h.respondentId + 1, id, `respondent_id "${id}" appears again in wave ${waveCell}; the first row is kept`);
      return setAside('duplicate-id');
    }
    if (o.waves && !o.waves.has(waveCell)) return setAside('filtered-out');

    row.respondentId = id || undefined;
    row.wave = waveCell;
    row.area = area.code;
    row.weight = weight;
    for (const pc of profileColumns) {
      const raw = r.fieldCached(pc.idx);
      let value = pc.cache.get(raw);
      if (value === undefined && !pc.cache.has(raw)) {
        const cell = raw.trim();
        value = cell === '' || cell === '99' ? undefined : pc.matcher?.get(profileKey(cell));
        if (value === undefined && cell !== '' && cell !== '99') {
          cellIssue(pc.name, pc.idx + 1, cell, `"${cell}" is not a ${pc.name} category (${[...new Set(pc.matcher?.values())].join(', ')})`);
        } else if (pc.cache.size < 10_000) pc.cache.set(raw, value);
      }
      row.profile[pc.name] = value;
    }
    for (const name of o.requiredProfiles ?? []) {
      if (row.profile[name] !== undefined) continue;
      const idx = h.profiles.get(name);
      issue('missing-weighting-variable', idx === undefined ? 0 : idx + 1, idx === undefined ? '' : cellAt(idx),
        `${name} is ${idx === undefined ? 'not a column of this file' : 'blank or not a category'}, so the row cannot be weighted; it is set aside`);
      return setAside('missing-weighting-variable');
    }
    for (let k = 0; k < items.length; k++) {
      const idx = h.items[k] ?? -1;
      if (idx < 0) {
        row.codes[k] = CODE_ABSENT;
        continue;
      }
      const ci = items[k]!;
      // Most cells are one or two ASCII digits: read them from the bytes, and decode only the rest.
      const n = r.fieldInt(idx);
      let code = n >= 0 ? intToCode(ci, n, missingValues) : CODE_INVALID;
      let cell = '';
      if (code === CODE_INVALID) {
        cell = r.fieldString(idx).trim();
        code = cellToCode(ci, cell, missingValues);
      }
      if (code === CODE_INVALID) cellIssue(ci.item.id, idx + 1, cell, `"${cell}" is not a valid answer; allowed: ${ci.allowed}`);
      row.codes[k] = code;
    }
    acc.analysed++;
    onRow(row);
  };

  return readCsvRecords(
    p.path,
    { separator: p.separator, encoding: p.info.encoding, bomLength: p.info.bomLength, onProgress: progress },
    handle,
  ).then(
    () => read,
    (e: unknown) => {
      throw e instanceof DataError ? e : e instanceof Error && !(e instanceof TypeError) && !(e instanceof RangeError) ? new DataError(`${p.label}: ${e.message}`) : e;
    },
  );
}
