import { z } from 'zod';
import { normaliseHeader, STRUCTURAL_COLUMNS } from './column-synonyms.js';

/**
 * A response code: any whole number a questionnaire uses (0–10 scales, negative codes). Nine digits at most, as the
 * ingest fast path reads them from the bytes.
 */
const code = z.number().int().min(-999_999_999).max(999_999_999);
/** at most this many answers on one scale: the compiled lookups hold a scale position in a signed byte */
export const MAX_SCALE_ANSWERS = 120;
/** profile labels become keys of results: at most this long */
export const MAX_LABEL = 200;
/** at most this many missing values (each reason takes one internal code from -4 down to -97) */
export const MAX_MISSING_VALUES = 90;
/** reasons that ingest gives by itself; a codebook may not declare them for a value */
const RESERVED_MISSING = ['invalid-code', 'na-text'];

/** A label as compared: trimmed, lower case, inner spaces collapsed, curly apostrophes straightened. */
export const normaliseLabel = (s: string): string => s.trim().toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ');

/**
 * A JSON object with user-chosen keys, read into an object without a prototype: a scale called `toString`,
 * `constructor` or `__proto__` is one more key, never an inherited property (zod's record drops `__proto__`).
 * Problems keep their paths (`scales.yesno.0.code`).
 */
function ownRecord<V extends z.ZodTypeAny>(value: V, key?: z.ZodType<string>) {
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      message: 'expected an object',
    })
    .transform((v, ctx) => {
      const out = Object.create(null) as Record<string, z.output<V>>;
      for (const k of Object.keys(v)) {
        const kr = key?.safeParse(k);
        if (kr && !kr.success)
          for (const i of kr.error.issues) ctx.addIssue({ code: 'custom', path: [k], message: i.message });
        const r = value.safeParse(v[k]);
        if (r.success) out[k] = r.data as z.output<V>;
        else for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: [k, ...i.path], message: i.message });
      }
      return out;
    });
}

export const scaleSchema = z
  .array(z.object({ code, label: z.string().min(1) }).strict())
  .min(2)
  .max(MAX_SCALE_ANSWERS)
  .superRefine((scale, ctx) => {
    const codes = new Set<number>();
    const labels = new Set<string>();
    scale.forEach((s, i) => {
      if (codes.has(s.code))
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `code ${s.code} appears twice` });
      const l = normaliseLabel(s.label);
      if (labels.has(l))
        ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `label "${s.label}" appears twice` });
      codes.add(s.code);
      labels.add(l);
    });
  });

export const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'item ids are lower_snake_case'),
    question: z.string().min(1),
    shortLabel: z.string().min(1),
    /** what a positive answer says, to follow "the share who" in findings; findings fall back to the short label */
    phrase: z.string().min(1).optional(),
    domain: z.string().min(1),
    ni: z
      .string()
      .regex(/^NI\d+$/)
      .nullable()
      .default(null),
    scale: z.string().min(1),
    positive: z.array(code).min(1),
    /** answers that count against the item in a net score (positive − negative); the rest of the base is neutral */
    negative: z.array(code).optional(),
    excluded: z.array(z.object({ code, reason: z.string().min(1) }).strict()).default([]),
    aliases: z.array(z.string().min(1)).default([]),
    published: z
      .array(z.object({ wave: z.string(), percent: z.number().min(0).max(100), source: z.string() }).strict())
      .optional(),
  })
  .strict();

/**
 * The codebook's "columns" key: other header spellings of the structural columns (respondent_id, wave,
 * neighbourhood, weight) and the profile columns, as items carry their "aliases".
 */
export const columnSynonymsSchema = ownRecord(
  z.object({ aliases: z.array(z.string().min(1)).default([]) }).strict(),
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'column names are lower_snake_case'),
);

export const codebookSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** the order in which domains are presented */
    domains: z.array(z.string().min(1)).min(1),
    missing: z
      .array(
        z
          .object({ value: z.string(), reason: z.string().regex(/^[a-z][a-z0-9-]*$/, 'reasons are lower-kebab-case') })
          .strict(),
      )
      .max(MAX_MISSING_VALUES)
      .default([
        { value: '', reason: 'no-reply' },
        { value: '98', reason: 'multiple-ticks' },
        { value: '99', reason: 'not-stated' },
      ]),
    scales: ownRecord(scaleSchema),
    /** profile columns (for grouping and weighting): canonical categories in display order, with accepted spellings */
    profiles: ownRecord(
      z
        .array(
          z
            .object({
              label: z.string().min(1).max(MAX_LABEL, `labels are at most ${MAX_LABEL} characters`),
              aliases: z.array(z.string()).default([]),
            })
            .strict(),
        )
        .min(1),
    ).default(() => Object.create(null) as Record<string, never>),
    /** header spellings of the structural and profile columns (optional: built-in spellings apply without it) */
    columns: columnSynonymsSchema.optional(),
    items: z.array(itemSchema).min(1),
  })
  .strict()
  .superRefine((cb, ctx) => {
    checkMissing(cb, ctx);
    checkColumns(cb, ctx);
    const ids = new Set<string>();
    const headerOwner = new Map<string, string>();
    cb.items.forEach((item, i) => {
      if (ids.has(item.id))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}"` });
      ids.add(item.id);
      [item.id, ...item.aliases].forEach((name, j) => {
        const h = normaliseHeader(name);
        const owner = headerOwner.get(h);
        if (owner !== undefined && owner !== item.id)
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, ...(j === 0 ? ['id'] : ['aliases', j - 1])],
            message: `"${name}" is also a name or alias of item "${owner}"`,
          });
        headerOwner.set(h, item.id);
      });
      const scale = Object.hasOwn(cb.scales, item.scale) ? cb.scales[item.scale] : undefined;
      if (!scale) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'scale'],
          message: `scale "${item.scale}" is not defined in "scales"`,
        });
        return;
      }
      if (!cb.domains.includes(item.domain))
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'domain'],
          message: `domain "${item.domain}" is not listed in "domains"`,
        });
      const codes = new Set(scale.map((s) => s.code));
      item.positive.forEach((c, j) => {
        if (!codes.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'positive', j],
            message: `positive code ${c} is not on scale "${item.scale}"`,
          });
      });
      (item.negative ?? []).forEach((c, j) => {
        if (!codes.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'negative', j],
            message: `negative code ${c} is not on scale "${item.scale}"`,
          });
        if (item.positive.includes(c))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'negative', j],
            message: `code ${c} is both positive and negative`,
          });
        if (item.excluded.some((e) => e.code === c))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'negative', j],
            message: `code ${c} is both negative and excluded`,
          });
      });
      item.excluded.forEach((e, j) => {
        if (!codes.has(e.code))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'excluded', j, 'code'],
            message: `excluded code ${e.code} is not on scale "${item.scale}"`,
          });
        if (item.positive.includes(e.code))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'excluded', j, 'code'],
            message: `code ${e.code} is both positive and excluded`,
          });
      });
    });
  });

type RawCodebook = {
  missing: { value: string; reason: string }[];
  scales: Record<string, { code: number; label: string }[]>;
  profiles: Record<string, unknown>;
  columns?: Record<string, { aliases: string[] }> | undefined;
  items: { id: string; aliases: string[] }[];
};

/** A missing value is one cell text with one reason, and never also a code on a scale (which would it be?). */
function checkMissing(cb: RawCodebook, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  cb.missing.forEach((m, i) => {
    const v = m.value.trim();
    if (seen.has(v))
      ctx.addIssue({ code: 'custom', path: ['missing', i, 'value'], message: `missing value "${v}" appears twice` });
    seen.add(v);
    if (RESERVED_MISSING.includes(m.reason))
      ctx.addIssue({
        code: 'custom',
        path: ['missing', i, 'reason'],
        message: `"${m.reason}" is a reason ingest gives by itself`,
      });
  });
  for (const name of Object.keys(cb.scales)) {
    (cb.scales[name] ?? []).forEach((s, j) => {
      if (seen.has(String(s.code)))
        ctx.addIssue({
          code: 'custom',
          path: ['scales', name, j, 'code'],
          message: `code ${s.code} is also a missing value; a cell "${s.code}" could not be read`,
        });
    });
  }
}

/** "columns" names only known columns, and no spelling means two columns or an item. */
function checkColumns(cb: RawCodebook, ctx: z.RefinementCtx): void {
  if (!cb.columns) return;
  const known = [...STRUCTURAL_COLUMNS, ...Object.keys(cb.profiles)];
  const itemNames = new Set(cb.items.flatMap((it) => [it.id, ...it.aliases].map(normaliseHeader)));
  const owner = new Map<string, string>();
  for (const [column, { aliases }] of Object.entries(cb.columns)) {
    if (!known.includes(column))
      ctx.addIssue({
        code: 'custom',
        path: ['columns', column],
        message: `"${column}" is not a column sc-survey reads (${known.join(', ')})`,
      });
    [column, ...aliases].forEach((a, j) => {
      const h = normaliseHeader(a);
      const path = ['columns', column, ...(j === 0 ? [] : ['aliases', j - 1])];
      const first = owner.get(h);
      if (first !== undefined && first !== column)
        ctx.addIssue({ code: 'custom', path, message: `"${a}" is listed under both "${first}" and "${column}"` });
      else owner.set(h, column);
      if (itemNames.has(h)) ctx.addIssue({ code: 'custom', path, message: `"${a}" is also an item name or alias` });
    });
  }
}

export type Codebook = z.infer<typeof codebookSchema>;
export type CodebookItem = z.infer<typeof itemSchema>;
