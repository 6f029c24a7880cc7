import { codebookSchema, type Codebook } from '../../src/codebook/schema.js';
import type { Area, GroupTallies, Tally } from '../../src/types/index.js';

/** Three items, in this order: belong_neighbourhood (NI2), trust_general, influence_decisions (NI4). */
export const codebook: Codebook = codebookSchema.parse({
  name: 'test',
  domains: ['belonging', 'trust', 'influence'],
  scales: {
    yn: [
      { code: 1, label: 'Yes' },
      { code: 2, label: 'No' },
    ],
  },
  items: [
    {
      id: 'belong_neighbourhood',
      question: 'q',
      shortLabel: 'Belong to neighbourhood',
      domain: 'belonging',
      ni: 'NI2',
      scale: 'yn',
      positive: [1],
    },
    {
      id: 'trust_general',
      question: 'q',
      shortLabel: 'Most people trusted',
      domain: 'trust',
      scale: 'yn',
      positive: [1],
    },
    {
      id: 'influence_decisions',
      question: 'q',
      shortLabel: 'Influence local decisions',
      domain: 'influence',
      ni: 'NI4',
      scale: 'yn',
      positive: [1],
    },
  ],
});

const area = (code: string, name: string, district: string, type: string): Area => ({
  code,
  name,
  aliases: [],
  district,
  type,
  typeSource: 'test',
});

export const areas: Area[] = [
  area('R1', 'Ruralton', 'North', 'rural'),
  area('R2', 'Fieldby', 'South', 'rural'),
  area('D1', 'Millside', 'North', 'deprived'),
  area('D2', 'Dockham', 'South', 'deprived'),
  area('A1', 'Midtown', 'North', 'average'),
  area('A2', 'Meanwell', 'South', 'average'),
];

/** n rows of weight w, nPos of them positive. */
export function flat(n: number, nPos: number, w = 1): Tally {
  return { n, nPos, sw: n * w, sw2: n * w * w, swPos: nPos * w, sw2Pos: nPos * w * w, nNeg: 0, swNeg: 0, reasons: {} };
}

export function group(wave: string, groupBy: string, name: string, tallies: Tally[]): GroupTallies {
  return { wave, groupBy, group: name, returns: Math.max(...tallies.map((t) => t.n)), tallies };
}

export const estimateOptions = { ci: 'wilson' as const, level: 0.95, minBase: 30, indicativeBase: 100 };
export const Z95 = 1.959963984540054;
