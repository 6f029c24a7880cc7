import { matchArea, suggestArea } from '../areas/area-registry.js';
import { cellToCode, intToCode } from '../codebook/compile-codebook.js';
import { CODE_ABSENT, CODE_INVALID, type Area, type SetAsideReason, type SurveyRow } from '../types/index.js';
import type { ByteRecord, CsvRecord } from './byte-scanner.js';
import type { createIdIndex } from './id-index.js';
import type { IssueLog } from './issue-log.js';
import type { PreparedFile } from './prepared-file.js';
import { decimalNumber } from './decimal-number.js';
import { profileKey, profileMatchers } from './profile-matcher.js';
import type { IngestOptions } from './ingest-options.js';

/**
 * The per-record logic of ingest, shared by the sequential reader and the parallel workers: validate a
 * record, set it aside with its reason or turn it into a SurveyRow for `onRow`. The first record is the
 * header unless `skipHeader` is false (a byte range that starts mid-file). `state.read` counts data rows.
 */
export function createRowHandler(
  p: PreparedFile,
  o: IngestOptions,
  onRow: (row: SurveyRow) => void,
  log: IssueLog,
  ids: ReturnType<typeof createIdIndex>,
  skipHeader = true,
): { handle: (r: CsvRecord) => void; state: { read: number } } {
  const state = { read: 0 };
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
  let isHeader = skipHeader;
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
    // the byte scanner's records carry their raw text; the library's are re-joined from their fields
    o.rejects?.write(p.label, row.line, reason, rec.fields(), p.separator, (rec as Partial<ByteRecord>).rawString?.());
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
    // A line of bare separators (",,,,", as spreadsheets export empty rows) is a blank line too. A real
    // row names its neighbourhood, so only rows without one pay for the full check.
    if (cellAt(h.neighbourhood) === '' && allBlank(r)) return;
    state.read++;
    acc.read++;
    if (count !== nFields || r.parseError) {
      issue('wrong-field-count', 0, '', r.parseError ? `malformed row: ${r.parseError}` : `expected ${nFields} fields, found ${count}`);
      return setAside('wrong-field-count');
    }
    const waveCell = h.wave >= 0 ? r.fieldCached(h.wave).trim() : (p.assignedWave ?? '');
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
        weight = decimalNumber(w);
        if (!Number.isFinite(weight) || weight <= 0) {
          issue('bad-weight', h.weight + 1, w, `weight "${w}" is not a finite number > 0`);
          return setAside('bad-weight');
        }
      }
    }
    if (o.waves && !o.waves.has(waveCell)) {
      o.onFilteredOut?.(waveCell);
      return setAside('filtered-out');
    }
    // An id counts as taken only once its row is analysed (recorded below), so a first row set aside for
    // another reason does not make the next one a "duplicate" and lose both.
    const id = cellAt(h.respondentId);
    if (id !== '' && ids.contains(waveCell, id)) {
      issue('duplicate-id', h.respondentId + 1, id, `respondent_id "${id}" appears again in wave ${waveCell}; the first row is kept`);
      return setAside('duplicate-id');
    }

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
    if (id !== '') ids.seen(waveCell, id);
    acc.analysed++;
    onRow(row);
  };

  return { handle, state };
}

function allBlank(r: CsvRecord): boolean {
  for (let i = 0; i < r.fieldCount; i++) if (r.fieldString(i).trim() !== '') return false;
  return true;
}
