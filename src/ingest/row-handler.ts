import { matchArea, suggestArea } from '../areas/area-registry.js';
import { cellToCode, intToCode, type CellReading } from '../codebook/compile-codebook.js';
import { readIntegralDecimal } from '../codebook/cell-text.js';
import {
  CODE_ABSENT,
  CODE_BLANK,
  CODE_INVALID,
  type Area,
  type SetAsideReason,
  type SurveyRow,
} from '../types/index.js';
import type { ByteRecord, CsvRecord } from './byte-scanner.js';
import type { IdChecker } from './id-checker.js';
import type { IssueLog } from './issue-log.js';
import type { PreparedFile } from './prepared-file.js';
import { decimalCommaNumber, decimalNumber } from './decimal-number.js';
import { profileKey, profileMatchers } from './profile-matcher.js';
import type { IngestOptions } from './ingest-options.js';
import { weightOutOfRange } from './weight-range.js';

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
  ids: IdChecker,
  skipHeader = true,
  rowKeys: IdChecker | null = null,
): { handle: (r: CsvRecord) => void; state: { read: number; identical: number } } {
  const state = { read: 0, identical: 0 };
  const h = p.header;
  // without an id column nothing tells a repeated row from a respondent who answered alike: count the rows that
  // equal an earlier one in every cell, so that a file that repeats itself is said (read-survey.ts)
  const keys = h.respondentId < 0 ? rowKeys : null;
  const nFields = h.names.length;
  const items = o.codebook.items;
  const missingValues = o.codebook.missingValues;
  const profiles = profileMatchers(o.codebook.codebook);
  // the current row's id, decoded on first read (undefined: not yet)
  let currentId: string | undefined;
  const row: SurveyRow = {
    file: p.label,
    line: 0,
    get respondentId(): string | undefined {
      currentId ??= cellAt(h.respondentId);
      return currentId || undefined;
    },
    wave: '',
    area: '',
    weight: 1,
    profile: {},
    codes: new Int16Array(items.length),
  };
  const acc = log.accounting;
  const itemColumns = Int32Array.from(items, (_, k) => h.items[k] ?? -1);
  // Each item's code for the whole numbers 0–99 (what intToCode says; CODE_INVALID sends a cell to the slow path
  // that names it) and for a blank cell (what cellToCode says of ''), so that a typical cell needs no string.
  const smallCodes = new Int16Array(items.length * SMALL_INTS);
  const blankCodes = new Int16Array(items.length);
  items.forEach((ci, k) => {
    for (let n = 0; n < SMALL_INTS; n++) smallCodes[k * SMALL_INTS + n] = intToCode(ci, n, missingValues);
    const probe: CellReading = { decimal: false };
    const blank = cellToCode(ci, '', missingValues, probe);
    blankCodes[k] = probe.decimal ? CODE_INVALID : blank;
  });
  // Real files repeat a handful of area and profile spellings; matching each once keeps the hot loop cheap.
  const areaCache = new Map<string, Area | undefined>();
  // One cache per profile column, keyed by the raw cell: no key string is built per row.
  const profileColumns = [...h.profiles].map(([name, idx]) => ({
    name,
    idx,
    cache: new Map<string, string | undefined>(),
    matcher: profiles.get(name),
  }));
  let isHeader = skipHeader;
  let rec: CsvRecord;
  if (skipHeader && h.respondentId < 0) acc.duplicatesUnchecked.push(p.label);
  const reading: CellReading = { decimal: false };
  const nonBlank = log.nonBlankCells;
  const countAnswer = (column: string, key: string) => {
    const byReason = (acc.answers[column] ??= {});
    byReason[key] = (byReason[key] ?? 0) + 1;
  };
  const waveCache = new Map<string, string>();
  const decimalWaves = new Set<string>(); // raw wave cells written as integral decimals (2006.0)
  // "did you mean": once per distinct unknown value, and for at most MAX_SUGGESTIONS of them
  const suggestions = new Map<string, string | undefined>();
  let suggested = 0;
  const suggestionFor = (cell: string): string | undefined => {
    if (suggestions.has(cell)) return suggestions.get(cell);
    if (suggested >= MAX_SUGGESTIONS || suggestions.size >= 10_000) return undefined;
    const near = suggestArea(o.registry, cell);
    suggestions.set(cell, near);
    if (near !== undefined) suggested++;
    return near;
  };

  const unit = p.unit ? { unit: p.unit } : {};
  let decimalCommaNoted = false;
  const issue = (reason: string, column: number, value: string, message: string, suggestion?: string) =>
    log.add({
      file: p.label,
      line: row.line,
      column,
      columnName: column > 0 ? (h.names[column - 1] ?? '') : '',
      reason,
      severity: 'error',
      value,
      message,
      ...(suggestion ? { suggestion } : {}),
      ...unit,
    });
  const cellIssue = (columnName: string, column: number, value: string, message: string) => {
    const key = `${columnName}:invalid-code`;
    acc.cellIssues[key] = (acc.cellIssues[key] ?? 0) + 1;
    log.add({
      file: p.label,
      line: row.line,
      column,
      columnName,
      reason: 'invalid-code',
      severity: 'error',
      value,
      message,
      ...unit,
    });
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
    const areaCell = r.fieldCached(h.neighbourhood);
    // A blank line, or one of bare separators (",,,,", as spreadsheets export empty rows), is not a row but is
    // counted. A real row names its neighbourhood, so only rows without one pay for the full check.
    if ((count === 1 && r.fieldString(0).trim() === '') || (areaCell.trim() === '' && allBlank(r))) {
      acc.blankLinesSkipped++;
      return;
    }
    state.read++;
    acc.read++;
    if (count !== nFields || r.parseError) {
      issue(
        'wrong-field-count',
        0,
        '',
        r.parseError ? `malformed row: ${r.parseError}` : `expected ${nFields} fields, found ${count}`,
      );
      return setAside('wrong-field-count');
    }
    const rawWave = h.wave >= 0 ? r.fieldCached(h.wave) : (p.assignedWave ?? '');
    let waveCell = waveCache.get(rawWave);
    if (waveCell === undefined) {
      waveCell = rawWave.trim();
      const n = waveCell.includes('.') ? readIntegralDecimal(waveCell) : null;
      if (n !== null) {
        waveCell = String(n);
        decimalWaves.add(rawWave);
      }
      if (waveCache.size < 10_000) waveCache.set(rawWave, waveCell);
    }
    if (waveCell === '') {
      issue('missing-wave', h.wave + 1, '', 'the wave is blank');
      return setAside('missing-wave');
    }
    if (waveCell.length > MAX_LABEL) {
      issue(
        'label-too-long',
        h.wave + 1,
        `${waveCell.slice(0, 40)}…`,
        `the wave is ${waveCell.length} characters long (at most ${MAX_LABEL})`,
      );
      return setAside('label-too-long');
    }
    if (areaCell.length > MAX_LABEL) {
      issue(
        'label-too-long',
        h.neighbourhood + 1,
        `${areaCell.slice(0, 40)}…`,
        `the area is ${areaCell.length} characters long (at most ${MAX_LABEL})`,
      );
      return setAside('label-too-long');
    }
    let area = areaCache.get(areaCell);
    if (area === undefined && !areaCache.has(areaCell)) {
      area = matchArea(o.registry, areaCell);
      if (areaCache.size < 10_000) areaCache.set(areaCell, area);
    }
    if (!area) {
      const near = suggestionFor(areaCell);
      issue(
        'unknown-area',
        h.neighbourhood + 1,
        areaCell,
        `"${areaCell}" matches no area in the registry`,
        near ? `did you mean ${near}?` : undefined,
      );
      return setAside('unknown-area');
    }
    let weight = 1;
    if (h.weight >= 0) {
      weight = r.fieldNumber(h.weight);
      if (!Number.isFinite(weight) || weight <= 0) {
        const w = cellAt(h.weight);
        weight = decimalNumber(w);
        if (!Number.isFinite(weight) && p.decimalComma !== null) {
          weight = decimalCommaNumber(w, p.decimalComma === 'workbook');
          if (Number.isFinite(weight) && !decimalCommaNoted) {
            decimalCommaNoted = true;
            log.add({
              file: p.label,
              line: row.line,
              column: h.weight + 1,
              columnName: h.names[h.weight] ?? '',
              reason: 'decimal-comma',
              severity: 'warning',
              value: w,
              message: `weights are written with a decimal comma ("${w}" is ${weight}); read as decimals`,
              ...unit,
            });
          }
        }
        if (!Number.isFinite(weight) || weight <= 0) {
          issue('bad-weight', h.weight + 1, w, `weight "${w}" is not a finite number > 0`);
          return setAside('bad-weight');
        }
      }
      const outOfRange = weightOutOfRange(weight);
      if (outOfRange) {
        const w = cellAt(h.weight);
        issue('bad-weight', h.weight + 1, w, `weight "${w}" ${outOfRange}`);
        return setAside('bad-weight');
      }
    }
    if (o.waves && !o.waves.has(waveCell)) {
      o.onFilteredOut?.(waveCell);
      return setAside('filtered-out');
    }
    // An id counts as taken only once its row is analysed (recorded below), so a first row set aside for
    // another reason does not make the next one a "duplicate" and lose both. A plain ASCII id is checked from
    // its bytes; the text is decoded only for a message, or when a consumer reads row.respondentId.
    currentId = undefined;
    let hasId = false;
    const idx = h.respondentId;
    if (idx >= 0) {
      let dup: boolean | null = null;
      const bytes = (r as Partial<ByteRecord>).bytes;
      if (bytes !== undefined && idx < count) {
        const br = r as ByteRecord;
        const s = br.starts[idx]!;
        const e = br.ends[idx]!;
        if (e > s && br.quoting[idx] !== 2) {
          dup = ids.isDuplicateBytes(p.label, waveCell, area.code, bytes, s, e);
          hasId = dup !== null;
        }
      }
      if (dup === null) {
        const id = cellAt(idx);
        currentId = id;
        hasId = id !== '';
        dup = hasId && ids.isDuplicate(p.label, waveCell, area.code, id);
      }
      if (dup) {
        const id = cellAt(idx);
        const where =
          ids.scope === 'wave'
            ? `wave ${waveCell}`
            : ids.scope === 'file'
              ? `wave ${waveCell} of this file`
              : `wave ${waveCell} in ${area.code}`;
        issue('duplicate-id', idx + 1, id, `respondent_id "${id}" appears again in ${where}; the first row is kept`);
        return setAside('duplicate-id');
      }
    }

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
          cellIssue(
            pc.name,
            pc.idx + 1,
            cell,
            `"${cell}" is not a ${pc.name} category (${[...new Set(pc.matcher?.values())].join(', ')})`,
          );
        } else if (pc.cache.size < 10_000) pc.cache.set(raw, value);
      }
      row.profile[pc.name] = value;
    }
    for (const name of o.requiredProfiles ?? []) {
      if (row.profile[name] !== undefined) continue;
      const idx = h.profiles.get(name);
      issue(
        'missing-weighting-variable',
        idx === undefined ? 0 : idx + 1,
        idx === undefined ? '' : cellAt(idx),
        `${name} is ${idx === undefined ? 'not a column of this file' : 'blank or not a category'}, ` +
          'so the row cannot be weighted; it is set aside',
      );
      return setAside('missing-weighting-variable');
    }
    const bytes = (r as Partial<ByteRecord>).bytes;
    for (let k = 0; k < items.length; k++) {
      const idx = itemColumns[k]!;
      if (idx < 0) {
        row.codes[k] = CODE_ABSENT;
        continue;
      }
      // Most cells are blank or one or two ASCII digits: their code comes from a table, without a string.
      let code = CODE_INVALID;
      if (bytes !== undefined) {
        const br = r as ByteRecord;
        const s = br.starts[idx]!;
        const len = br.ends[idx]! - s;
        if (len === 1) {
          const d = bytes[s]! - 48;
          if (d >= 0 && d <= 9) code = smallCodes[k * SMALL_INTS + d]!;
        } else if (len === 2) {
          const d1 = bytes[s]! - 48;
          const d2 = bytes[s + 1]! - 48;
          if (d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) code = smallCodes[k * SMALL_INTS + 10 * d1 + d2]!;
        } else if (len === 0) code = blankCodes[k]!;
      }
      if (code === CODE_INVALID) {
        const ci = items[k]!;
        const n = r.fieldInt(idx);
        code =
          n >= 0 ? (n < SMALL_INTS ? smallCodes[k * SMALL_INTS + n]! : intToCode(ci, n, missingValues)) : CODE_INVALID;
        let cell = '';
        if (code === CODE_INVALID) {
          cell = r.fieldString(idx).trim();
          reading.decimal = false;
          code = cellToCode(ci, cell, missingValues, reading);
          if (reading.decimal) countAnswer(ci.item.id, 'read-as-code:decimal');
        }
        if (code === CODE_INVALID)
          cellIssue(ci.item.id, idx + 1, cell, `"${cell}" is not a valid answer; allowed: ${ci.allowed}`);
      }
      if (code !== CODE_BLANK) nonBlank[k] = (nonBlank[k] ?? 0) + 1;
      row.codes[k] = code;
    }
    if (hasId) ids.take();
    if (keys) {
      const whole = Array.from({ length: nFields }, (_, i) => cellAt(i)).join('\u0001');
      if (keys.isDuplicate(p.label, row.wave, row.area, whole)) state.identical++;
      else keys.take();
    }
    if (decimalWaves.size > 0 && decimalWaves.has(rawWave)) countAnswer('wave', 'read-as-code:decimal');
    acc.analysed++;
    onRow(row);
  };

  return { handle, state };
}

/** Whole numbers below this have their code in the row handler's per-item table. */
const SMALL_INTS = 100;

/** Distinct unknown values that get a "did you mean" in one file. */
export const MAX_SUGGESTIONS = 20;

/** Labels that become keys (wave, area) are at most this long; a longer one is not a label but a broken row. */
export const MAX_LABEL = 200;

function allBlank(r: CsvRecord): boolean {
  for (let i = 0; i < r.fieldCount; i++) if (r.fieldString(i).trim() !== '') return false;
  return true;
}
