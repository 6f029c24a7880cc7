import { z } from 'zod';

const code = z.number().int().min(1).max(97);

export const scaleSchema = z
  .array(z.object({ code, label: z.string().min(1) }).strict())
  .min(2);

export const itemSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'item ids are lower_snake_case'),
    question: z.string().min(1),
    shortLabel: z.string().min(1),
    domain: z.string().min(1),
    ni: z.string().regex(/^NI\d+$/).nullable().default(null),
    scale: z.string().min(1),
    positive: z.array(code).min(1),
    excluded: z.array(z.object({ code, reason: z.string().min(1) }).strict()).default([]),
    aliases: z.array(z.string().min(1)).default([]),
    published: z
      .array(z.object({ wave: z.string(), percent: z.number().min(0).max(100), source: z.string() }).strict())
      .optional(),
  })
  .strict();

export const codebookSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** the order in which domains are presented */
    domains: z.array(z.string().min(1)).min(1),
    missing: z
      .array(z.object({ value: z.string(), reason: z.string().min(1) }).strict())
      .default([
        { value: '', reason: 'no-reply' },
        { value: '98', reason: 'multiple-ticks' },
        { value: '99', reason: 'not-stated' },
      ]),
    scales: z.record(z.string(), scaleSchema),
    /** profile columns (for grouping and weighting): canonical categories in display order, with accepted spellings */
    profiles: z
      .record(z.string(), z.array(z.object({ label: z.string().min(1), aliases: z.array(z.string()).default([]) }).strict()).min(1))
      .default({}),
    items: z.array(itemSchema).min(1),
  })
  .strict()
  .superRefine((cb, ctx) => {
    const ids = new Set<string>();
    cb.items.forEach((item, i) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}"` });
      ids.add(item.id);
      const scale = cb.scales[item.scale];
      if (!scale) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'scale'], message: `scale "${item.scale}" is not defined in "scales"` });
        return;
      }
      if (!cb.domains.includes(item.domain))
        ctx.addIssue({ code: 'custom', path: ['items', i, 'domain'], message: `domain "${item.domain}" is not listed in "domains"` });
      const codes = new Set(scale.map((s) => s.code));
      item.positive.forEach((c, j) => {
        if (!codes.has(c))
          ctx.addIssue({ code: 'custom', path: ['items', i, 'positive', j], message: `positive code ${c} is not on scale "${item.scale}"` });
      });
      item.excluded.forEach((e, j) => {
        if (!codes.has(e.code))
          ctx.addIssue({ code: 'custom', path: ['items', i, 'excluded', j, 'code'], message: `excluded code ${e.code} is not on scale "${item.scale}"` });
        if (item.positive.includes(e.code))
          ctx.addIssue({ code: 'custom', path: ['items', i, 'excluded', j, 'code'], message: `code ${e.code} is both positive and excluded` });
      });
    });
  });

export type Codebook = z.infer<typeof codebookSchema>;
export type CodebookItem = z.infer<typeof itemSchema>;
