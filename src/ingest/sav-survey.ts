// An SPSS system file as a survey file: the variables are the header, each case a row. Loaded with a dynamic import
// (with the SPSS reader) so that runs on CSV files never load either.
import { stat } from 'node:fs/promises';
import { normaliseLabel } from '../codebook/compile-codebook.js';
import { DataError } from '../errors.js';
import { describeFsError } from '../io/files.js';
import { cellsRecord } from './cells-record.js';
import { checkHeader } from './check-header.js';
import type { IngestOptions } from './ingest-options.js';
import type { IssueLog } from './issue-log.js';
import type { PreparedFile } from './prepared-file.js';
import { SAV_USER_MISSING } from './sav-missing.js';
import { openSav, type SavFile, type SavMissing, type SavValue, type SavVariable } from './sav/read-sav.js';

/**
 * Open an SPSS file and check its dictionary as a header. Cells are handed on as text, as a CSV export would hold
 * them, with these rules:
 * - system-missing is a blank cell (no reply for an item);
 * - an item's user-missing value is its code when the codebook has a missing reason for it (98, 99), else it is
 *   read as not-stated;
 * - the id, wave, area and profile columns give a numeric value's value label when it has one (area 3 → "Sharnford");
 * - items are read as codes; their value labels are checked against the codebook's scale (a warning when they differ).
 * With no --weight, the file's WEIGHT BY variable is the weight column (--no-weights turns weights off).
 */
export async function prepareSav(path: string, label: string, o: IngestOptions, log: IssueLog): Promise<PreparedFile> {
  let sav: SavFile;
  try {
    sav = await openSav(path);
  } catch (err) {
    throw relabel(err, path, label);
  }
  const names = sav.variables.map((v) => v.name);
  const fromFile =
    o.weightColumn !== null && !o.weightRequired && sav.weightVariable !== null ? sav.weightVariable : null;
  const weightColumn = fromFile ?? o.weightColumn;
  const header = checkHeader(names, o, log, {
    label,
    line: 0,
    unit: 'case',
    locate: (c) => (c > 0 ? `${label}: variable ${c} (${names[c - 1] ?? ''})` : `${label}`),
    weightColumn,
    weightRequired: o.weightRequired || fromFile !== null,
  });
  const warn = (column: number, reason: string, value: string, message: string) =>
    log.add({
      file: label,
      line: 0,
      column,
      columnName: column > 0 ? (names[column - 1] ?? '') : '',
      reason,
      severity: 'warning',
      value,
      message,
      unit: 'case',
    });
  if (fromFile !== null)
    warn(
      header.weight + 1,
      'sav-weight',
      fromFile,
      `weighted by "${fromFile}", the file's WEIGHT BY variable (--weight <column> to use another, ` +
        `--no-weights for none)`,
    );
  const labelChecks = valueLabelWarnings(sav.variables, header.items, o);
  const swapped = labelChecks.filter((w) => w.swapped);
  if (swapped.length) throw new DataError(`${label}: ${swapped.map((w) => w.message).join('\n')}`);
  for (const w of labelChecks) warn(w.column, 'value-labels', w.value, w.message);

  const labelled = new Set(
    [header.respondentId, header.wave, header.neighbourhood, ...header.profiles.values()].filter((i) => i >= 0),
  );
  const items = new Set([...header.items].filter((i) => i >= 0));
  const convert = sav.variables.map((v, i) =>
    converter(v, labelled.has(i) ? 'label' : items.has(i) ? 'item' : 'plain', o),
  );
  const width = names.length;
  const { size } = await stat(path);
  return {
    path,
    label,
    format: 'sav',
    info: { encoding: 'utf8', bomLength: 0, size, binary: false },
    encoding: sav.encoding,
    separator: ',',
    header,
    headerLine: 0,
    titleLinesSkipped: 0,
    unit: 'case',
    decimalComma: null,
    weightColumn: header.weight >= 0 ? (names[header.weight] ?? null) : null,
    readRecords: async (onRecord, onProgress) => {
      const rec = cellsRecord();
      const cells: string[] = new Array<string>(width).fill('');
      // what --rejects writes: the values as the file holds them (codes, not labels; system-missing blank)
      const raw: string[] = new Array<string>(width).fill('');
      const total = sav.caseCount ?? 0;
      let n = 0;
      try {
        for await (const c of sav.cases()) {
          n++;
          for (let i = 0; i < width; i++) {
            const v = c[i] ?? null;
            cells[i] = convert[i]!(v);
            raw[i] = v === null ? '' : String(v);
          }
          rec.set(n, cells, width, raw);
          onRecord(rec);
          if (total > 0 && n % 4096 === 0) onProgress(Math.min(size, Math.round((n / total) * size)));
        }
      } catch (err) {
        throw relabel(err, path, label);
      }
      return 0;
    },
  };
}

function converter(v: SavVariable, role: 'label' | 'item' | 'plain', o: IngestOptions): (x: SavValue) => string {
  const missing = v.missing;
  if (v.type === 'string') {
    if (role !== 'item' || missing.values.length === 0) return (x) => (x === null ? '' : String(x));
    return (x) => (x === null ? '' : isUserMissing(x, missing) ? itemMissing(String(x).trim(), o) : String(x));
  }
  return (x) => {
    if (x === null) return '';
    if (typeof x === 'string') return x;
    const userMissing = isUserMissing(x, missing);
    if (role === 'item') return userMissing ? itemMissing(String(x), o) : String(x);
    if (userMissing) return '';
    if (role === 'label') return v.valueLabels.get(x) ?? String(x);
    return String(x);
  };
}

function isUserMissing(x: number | string, m: SavMissing): boolean {
  if (typeof x === 'string') return m.values.some((v) => typeof v === 'string' && v === x.trimEnd());
  if (m.values.includes(x)) return true;
  return m.range !== undefined && x >= m.range[0] && x <= m.range[1];
}

/** A user-missing answer: the codebook's own missing code when it has one for this value, else not-stated. */
function itemMissing(text: string, o: IngestOptions): string {
  return o.codebook.missingValues.has(text) ? text : SAV_USER_MISSING;
}

/**
 * Items whose value labels say something other than the codebook's scale: a code the scale does not have, a code
 * labelled differently, or a scale code with no label. Codes that are user-missing in the file or missing codes
 * of the codebook (98, 99) are left out of the comparison.
 */
export function valueLabelWarnings(
  variables: readonly SavVariable[],
  itemColumns: Int32Array,
  o: IngestOptions,
): { column: number; value: string; message: string; swapped: boolean }[] {
  const out: { column: number; value: string; message: string; swapped: boolean }[] = [];
  o.codebook.items.forEach((ci, k) => {
    const idx = itemColumns[k] ?? -1;
    const v = variables[idx];
    if (idx < 0 || v === undefined || v.type !== 'numeric' || v.valueLabels.size === 0) return;
    const scale = o.codebook.codebook.scales[ci.item.scale] ?? [];
    const file = [...v.valueLabels]
      .filter((e): e is [number, string] => typeof e[0] === 'number')
      .filter(([code]) => !isUserMissing(code, v.missing) && !o.codebook.missingValues.has(String(code)))
      .sort((a, b) => a[0] - b[0]);
    const byCode = new Map(file);
    const agree =
      file.length === scale.length &&
      scale.every((s) => byCode.has(s.code) && normaliseLabel(byCode.get(s.code) ?? '') === normaliseLabel(s.label));
    if (agree) return;
    const fileText = file.map(([c, l]) => `${c} "${l}"`).join(', ');
    const scaleText = scale.map((s) => `${s.code} "${s.label}"`).join(', ');
    // A codebook label on another code whose side differs (a positive answer's label on a negative code, as on a
    // reversed scale): read as the codebook's, the file's answers would count on the wrong side of the percentage.
    const side = (code: number) =>
      ci.item.positive.includes(code) ? 'positive' : (ci.item.negative ?? []).includes(code) ? 'negative' : null;
    const moved = file.flatMap(([code, l]) => {
      const other = scale.find((s) => s.code !== code && normaliseLabel(s.label) === normaliseLabel(l));
      const [here, there] = [side(code), other ? side(other.code) : null];
      return other && here !== null && there !== null && here !== there
        ? [`code ${code} is "${l}", the codebook's code ${other.code}`]
        : [];
    });
    if (moved.length) {
      out.push({
        column: idx + 1,
        value: fileText,
        swapped: true,
        message:
          `the value labels of ${v.name} put the codebook's answers on other codes (${moved.join('; ')}), so ` +
          `its codes would be read with the wrong meaning; recode ${v.name} to the codebook's scale ` +
          `"${ci.item.scale}" (${scaleText}), or give a codebook whose scale matches the file`,
      });
      return;
    }
    out.push({
      swapped: false,
      column: idx + 1,
      value: fileText,
      message:
        `the value labels of ${v.name} (${fileText}) differ from the codebook's scale "${ci.item.scale}" ` +
        `(${scaleText}); the codes are read as the codebook's, so check that they mean the same`,
    });
  });
  return out;
}

function relabel(err: unknown, path: string, label: string): Error {
  if (err instanceof DataError) {
    const msg = err.message.startsWith(`${path}: `) ? err.message.slice(path.length + 2) : err.message;
    return new DataError(`${label}: ${msg}`);
  }
  if (err instanceof Error && (err as NodeJS.ErrnoException).code !== undefined)
    return new DataError(`${label}: cannot read file: ${describeFsError(err)}`);
  return err instanceof Error ? err : new Error(String(err));
}
