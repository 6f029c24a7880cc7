import { readFloat, rightTrimBytes } from './byte-cursor.js';
import type { RawDictionary } from './dictionary.js';
import { makeDecoder, resolveEncoding } from './encoding.js';
import type { SavHeader } from './header-record.js';
import { parseLongNames } from './long-names.js';
import { parseLongStringMissing } from './long-string-missing.js';
import { DEFAULT_FLOAT_INFO, parseFloatInfo, parseIntegerInfo, type FloatInfo } from './machine-info.js';
import type { SavVariable } from './types.js';
import { parseLongStringLabels } from './value-labels.js';
import { parseVeryLongStrings, SEGMENT_DATA, segmentCount } from './very-long-strings.js';

/** Where a variable's value sits in an uncompressed case buffer (8 bytes per slot). */
export type VarLayout =
  | { kind: 'numeric'; offset: number }
  | { kind: 'string'; width: number; segments: { offset: number; length: number }[] };

export interface BuiltDictionary {
  variables: SavVariable[];
  layout: VarLayout[];
  /** bytes per uncompressed case: 8 × the number of slots */
  caseBytes: number;
  encoding: string;
  decode: (b: Buffer) => string;
  floatInfo: FloatInfo;
  weightVariable: string | null;
  caseCount: number | null;
}

interface Segment {
  slot: number;
  width: number; // 0 numeric
  shortName: string;
  rec: RawDictionary['variables'][number];
}

/** Turns the raw records into variables, their places in a case, and the file-level facts. */
export function buildDictionary(header: SavHeader, raw: RawDictionary): BuiltDictionary {
  const le = header.littleEndian;
  const ext = (subtype: number): Buffer | null => raw.extensions.get(subtype)?.[0] ?? null;

  const encRecord = ext(20);
  const intInfo = ext(3) ? parseIntegerInfo(ext(3) as Buffer, le) : null;
  const encoding = resolveEncoding(encRecord ? encRecord.toString('latin1') : null, intInfo?.characterCode ?? null);
  if (encoding === null) {
    const named = encRecord ? `"${encRecord.toString('latin1')}"` : `code page ${intInfo?.characterCode}`;
    throw new RangeError(`the file's character encoding (${named}) is not supported`);
  }
  const decode = makeDecoder(encoding);
  const decodeTrim = (b: Buffer): string => decode(rightTrimBytes(b));
  const floatInfo = (ext(4) ? parseFloatInfo(ext(4) as Buffer, le) : null) ?? DEFAULT_FLOAT_INFO;

  // 1. Slots: every variable record is one 8-byte slot; a string's continuation records follow it.
  const segments: Segment[] = [];
  const recs = raw.variables;
  for (let i = 0; i < recs.length;) {
    const rec = recs[i] as RawVariableRecord;
    if (rec.type === -1) throw new RangeError(`variable record ${i + 1} continues a string, but no string precedes it`);
    if (rec.type < 0 || rec.type > 255) throw new RangeError(`variable record ${i + 1} has invalid type ${rec.type}`);
    const slots = rec.type === 0 ? 1 : Math.ceil(rec.type / 8);
    for (let k = 1; k < slots; k++) {
      if (recs[i + k]?.type !== -1) {
        throw new RangeError(
          `string variable ${decodeTrim(rec.shortName)} of width ${rec.type} needs ${slots} slots, but ` +
            `slot ${k + 1} is not a continuation`,
        );
      }
    }
    segments.push({ slot: i, width: rec.type, shortName: decodeTrim(rec.shortName), rec });
    i += slots;
  }
  const caseBytes = recs.length * 8;

  // 2. Very long strings merge runs of segments into one variable.
  const vls = ext(14) ? parseVeryLongStrings(decode(ext(14) as Buffer)) : new Map<string, number>();
  const longNames = ext(13) ? parseLongNames(decode(ext(13) as Buffer)) : new Map<string, string>();

  const variables: SavVariable[] = [];
  const layout: VarLayout[] = [];
  const firstSlotToVar = new Map<number, number>();
  const byName = new Map<string, number>();

  for (let s = 0; s < segments.length;) {
    const seg = segments[s] as Segment;
    const fullWidth = vls.get(seg.shortName.toUpperCase());
    let width = seg.width;
    let parts: Segment[] = [seg];
    if (seg.width > 0 && fullWidth !== undefined && fullWidth > 255) {
      const n = segmentCount(fullWidth);
      parts = segments.slice(s, s + n);
      if (parts.length < n || parts.some((p) => p.width === 0)) {
        throw new RangeError(
          `very long string ${seg.shortName} of width ${fullWidth} needs ${n} string segments, which ` +
            `the dictionary does not have`,
        );
      }
      width = fullWidth;
    }
    const name = longNames.get(seg.shortName.toUpperCase()) ?? seg.shortName;
    const v: SavVariable = {
      name,
      label: seg.rec.label ? decode(seg.rec.label) : null,
      type: width === 0 ? 'numeric' : 'string',
      width,
      valueLabels: new Map(),
      missing: { values: [] },
    };
    if (width === 0) {
      layout.push({ kind: 'numeric', offset: seg.slot * 8 });
      v.missing = numericMissing(seg.rec.missingCode, seg.rec.missingRaw, le, floatInfo);
    } else {
      layout.push({
        kind: 'string',
        width,
        segments: parts.map((p, j) => ({ offset: p.slot * 8, length: j < parts.length - 1 ? SEGMENT_DATA : p.width })),
      });
      v.missing = { values: seg.rec.missingRaw.map(decodeTrim) };
    }
    firstSlotToVar.set(seg.slot, variables.length);
    byName.set(name.toUpperCase(), variables.length);
    byName.set(seg.shortName.toUpperCase(), variables.length);
    variables.push(v);
    s += parts.length;
  }

  // 3. Value labels, by slot index (records 3/4) or by name (7/21).
  for (const set of raw.valueLabels) {
    for (const slotIndex of set.slotIndexes) {
      const vi = firstSlotToVar.get(slotIndex - 1);
      if (vi === undefined)
        throw new RangeError(`value labels refer to slot ${slotIndex}, which does not start a variable`);
      const v = variables[vi] as SavVariable;
      for (const { value, label } of set.labels) {
        const key = v.type === 'numeric' ? readFloat(value, 0, le) : decodeTrim(value);
        v.valueLabels.set(key, decode(label));
      }
    }
  }
  for (const rec of raw.extensions.get(21) ?? []) {
    for (const set of parseLongStringLabels(rec, le)) {
      const v = variables[byName.get(decode(set.varName).toUpperCase()) ?? -1];
      if (!v) continue;
      for (const { value, label } of set.labels) v.valueLabels.set(decodeTrim(value), decode(label));
    }
  }
  for (const rec of raw.extensions.get(22) ?? []) {
    for (const set of parseLongStringMissing(rec, le)) {
      const v = variables[byName.get(decode(set.varName).toUpperCase()) ?? -1];
      if (v) v.missing = { values: set.values.map(decodeTrim) };
    }
  }

  // 4. File-level facts.
  let weightVariable: string | null = null;
  if (header.weightIndex > 0) {
    const vi = firstSlotToVar.get(header.weightIndex - 1);
    if (vi === undefined)
      throw new RangeError(`the header's weight index ${header.weightIndex} does not start a variable`);
    weightVariable = (variables[vi] as SavVariable).name;
  }
  // The header's count only: -1 means unknown, whatever record 7/16 (a 64-bit copy) may say.
  const caseCount: number | null = header.ncases >= 0 ? header.ncases : null;

  return { variables, layout, caseBytes, encoding, decode, floatInfo, weightVariable, caseCount };
}

type RawVariableRecord = RawDictionary['variables'][number];

function numericMissing(code: number, raw: Buffer[], le: boolean, fi: FloatInfo): SavVariable['missing'] {
  const vals = raw.map((b) => readFloat(b, 0, le));
  const end = (x: number): number => (x === fi.lowest || x === fi.sysmis ? -Infinity : x === fi.highest ? Infinity : x);
  if (code >= 0) return { values: vals };
  const [lo = NaN, hi = NaN, extra] = vals;
  return { values: extra === undefined ? [] : [extra], range: [end(lo), end(hi)] };
}
