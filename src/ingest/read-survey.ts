import Papa from 'papaparse';
import { suggestArea, matchArea, type AreaRegistry } from '../areas/load-areas.js';
import { cellToCode, type CompiledCodebook } from '../codebook/compile-codebook.js';
import { DataError } from '../errors.js';
import { CODE_ABSENT, CODE_INVALID, type Area, type SetAsideReason, type SurveyRow } from '../types.js';
import { detectEncoding, type EncodingInfo } from './detect-encoding.js';
import { createIdIndex } from './id-index.js';
import type { IssueLog } from './issue-log.js';
import { mapHeader, type HeaderMap } from './map-header.js';
import { openTextStream, readHead } from './open-text-stream.js';
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
  const profiles = profileMatchers(o.codebook.codebook);
  const row: SurveyRow = { file: p.label, line: 0, respondentId: undefined, wave: '', area: '', weight: 1, profile: {}, codes: new Int16Array(items.length) };
  const acc = log.accounting;
  // Real files repeat a handful of area and profile spellings; matching each once keeps the hot loop cheap.
  const areaCache = new Map<string, Area | undefined>();
  const profileCache = new Map<string, string>();
  let line = 1; // physical line of the next record; the header is line 1
  let isHeader = true;
  let read = 0;

  const issue = (reason: string, column: number, value: string, message: string, suggestion?: string) =>
    log.add({
      file: p.label, line: row.line, column, columnName: column > 0 ? (h.names[column - 1] ?? '') : '', reason, severity: 'error', value, message,
      ...(suggestion ? { suggestion } : {}),
    });
  const setAside = (reason: SetAsideReason, fields: string[]) => {
    log.setAside(reason);
    o.rejects?.write(p.label, row.line, reason, fields, p.separator);
  };

  const handle = (fields: string[], parseError: string | undefined) => {
    row.line = line;
    for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++;
    line++;
    if (isHeader) {
      isHeader = false;
      return;
    }
    if (fields.length === 1 && (fields[0] ?? '').trim() === '') return; // blank line: not a row
    read++;
    acc.read++;
    if (fields.length !== nFields || parseError) {
      issue('wrong-field-count', 0, '', parseError ? `malformed row: ${parseError}` : `expected ${nFields} fields, found ${fields.length}`);
      return setAside('wrong-field-count', fields);
    }
    const waveCell = h.wave >= 0 ? (fields[h.wave] ?? '').trim() : (o.assignWave ?? '');
    if (waveCell === '') {
      issue('missing-wave', h.wave + 1, '', 'the wave is blank');
      return setAside('missing-wave', fields);
    }
    const areaCell = fields[h.neighbourhood] ?? '';
    let area = areaCache.get(areaCell);
    if (area === undefined && !areaCache.has(areaCell)) {
      area = matchArea(o.registry, areaCell);
      if (areaCache.size < 10_000) areaCache.set(areaCell, area);
    }
    if (!area) {
      const near = suggestArea(o.registry, areaCell);
      issue('unknown-area', h.neighbourhood + 1, areaCell, `"${areaCell}" matches no area in the registry`, near ? `did you mean ${near}?` : undefined);
      return setAside('unknown-area', fields);
    }
    let weight = 1;
    if (h.weight >= 0) {
      const w = (fields[h.weight] ?? '').trim();
      weight = w === '' ? NaN : Number(w);
      if (!Number.isFinite(weight) || weight <= 0) {
        issue('bad-weight', h.weight + 1, w, `weight "${w}" is not a finite number > 0`);
        return setAside('bad-weight', fields);
      }
    }
    const id = h.respondentId >= 0 ? (fields[h.respondentId] ?? '').trim() : '';
    if (id !== '' && ids.seen(waveCell, id)) {
      issue('duplicate-id', h.respondentId + 1, id, `respondent_id "${id}" appears again in wave ${waveCell}; the first row is kept`);
      return setAside('duplicate-id', fields);
    }
    if (o.waves && !o.waves.has(waveCell)) return setAside('filtered-out', fields);

    row.respondentId = id || undefined;
    row.wave = waveCell;
    row.area = area.code;
    row.weight = weight;
    for (const [name, idx] of h.profiles) {
      const cell = (fields[idx] ?? '').trim();
      let value: string | undefined;
      if (cell !== '' && cell !== '99') {
        value = profileCache.get(`${name}\u0000${cell}`);
        if (value === undefined) {
          value = profiles.get(name)?.get(profileKey(cell));
          if (value !== undefined && profileCache.size < 10_000) profileCache.set(`${name}\u0000${cell}`, value);
        }
        if (value === undefined) cellIssue(name, idx + 1, cell, `"${cell}" is not a ${name} category (${[...new Set(profiles.get(name)?.values())].join(', ')})`);
      }
      row.profile[name] = value;
    }
    for (const name of o.requiredProfiles ?? []) {
      if (row.profile[name] !== undefined) continue;
      const idx = h.profiles.get(name);
      issue('missing-weighting-variable', idx === undefined ? 0 : idx + 1, idx === undefined ? '' : (fields[idx] ?? ''),
        `${name} is ${idx === undefined ? 'not a column of this file' : 'blank or not a category'}, so the row cannot be weighted; it is set aside`);
      return setAside('missing-weighting-variable', fields);
    }
    for (let k = 0; k < items.length; k++) {
      const idx = h.items[k] ?? -1;
      if (idx < 0) {
        row.codes[k] = CODE_ABSENT;
        continue;
      }
      const ci = items[k]!;
      const cell = (fields[idx] ?? '').trim();
      const code = cellToCode(ci, cell, o.codebook.missingValues);
      if (code === CODE_INVALID) cellIssue(ci.item.id, idx + 1, cell, `"${cell}" is not a valid answer; allowed: ${ci.allowed}`);
      row.codes[k] = code;
    }
    acc.analysed++;
    onRow(row);
  };
  const cellIssue = (columnName: string, column: number, value: string, message: string) => {
    const key = `${columnName}:invalid-code`;
    acc.cellIssues[key] = (acc.cellIssues[key] ?? 0) + 1;
    log.add({ file: p.label, line: row.line, column, columnName, reason: 'invalid-code', severity: 'error', value, message });
  };

  return new Promise((resolve, reject) => {
    const stream = openTextStream(p.path, p.info);
    let bytes = 0;
    stream.on('data', (chunk: string) => {
      bytes += chunk.length;
      progress(bytes);
    });
    Papa.parse<string[]>(stream as unknown as File, {
      delimiter: p.separator,
      quoteChar: '"',
      skipEmptyLines: false,
      step: (results) => {
        try {
          const err = results.errors[0];
          handle(results.data, err ? err.message : undefined);
        } catch (e) {
          stream.destroy();
          reject(e);
        }
      },
      complete: () => resolve(read),
      error: (e: Error) => reject(new DataError(`${p.label}: ${e.message}`)),
    });
  });
}
