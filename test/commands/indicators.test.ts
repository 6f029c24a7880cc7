import { describe, expect, it } from 'vitest';
import { runJson, runMain } from '../helpers/run-main.js';

// The questionnaire table of docs/data-format.md: item, domain, positive codes, excluded codes.
const FORMAT_TABLE: [string, string, number[], number[]][] = [
  ['belong_neighbourhood', 'belonging', [1, 2], [5]],
  ['belong_county', 'belonging', [1, 2], [5]],
  ['belong_england', 'belonging', [1, 2], [5]],
  ['belong_britain', 'belonging', [1, 2], [5]],
  ['friendly_place', 'neighbourhood', [1, 2], [5]],
  ['keep_eye', 'neighbourhood', [1, 2], [5]],
  ['call_police', 'neighbourhood', [1, 2], [5]],
  ['backgrounds_get_on', 'diversity', [1, 2], [5, 6, 7]],
  ['trust_general', 'trust', [1], [4]],
  ['trust_neighbours', 'trust', [1, 2], [5]],
  ['help_neighbour', 'reciprocity', [1, 2], [5]],
  ['wallet_returned', 'reciprocity', [1, 2], [5]],
  ['influence_decisions', 'influence', [1, 2], [5]],
  ['influence_alone', 'influence', [1, 2], [5]],
  ['influence_group', 'influence', [1, 2], [5]],
  ['volunteer_formal', 'participation', [1], []],
  ['volunteer_informal', 'participation', [1], []],
];
const NI: Record<string, string> = {
  backgrounds_get_on: 'NI1',
  belong_neighbourhood: 'NI2',
  influence_decisions: 'NI4',
};
const codes = (xs: string[]) => xs.map((x) => Number(x.split(' ')[0]));

describe('indicators', () => {
  it(
    '--format json lists the 17 items of docs/data-format.md ' +
      'with their NI, domain, positive, excluded and missing',
    async () => {
      const r = await runJson(['indicators', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.json.codebook).toBe('leicestershire');
      const rows = r.json.indicators as {
        id: string;
        ni: string | null;
        domain: string;
        question: string;
        positive: string[];
        excluded: string[];
        missing: string[];
      }[];
      expect(rows.map((x) => [x.id, x.domain, codes(x.positive), codes(x.excluded)])).toEqual(FORMAT_TABLE);
      for (const x of rows) {
        expect(x.ni).toBe(NI[x.id] ?? null);
        expect(x.question.length).toBeGreaterThan(10);
        expect(x.missing).toEqual(['blank (no-reply)', '98 (multiple-ticks)', '99 (not-stated)']);
      }
      expect(rows.find((x) => x.id === 'backgrounds_get_on')!.excluded).toEqual([
        "5 Don't know",
        '6 Too few people in local area',
        '7 All same background',
      ]);
    },
  );

  it('the table shows every id, the NI names and the missing rule', async () => {
    const r = await runMain(['indicators']);
    expect(r.code).toBe(0);
    for (const [id] of FORMAT_TABLE) expect(r.stdout).toContain(id);
    expect(r.stdout).toMatch(/backgrounds_get_on\s+│ NI1/);
    expect(r.stdout).toContain('Missing in every item');

    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--format md is a Markdown table', async () => {
    const r = await runMain(['indicators', '--format', 'md']);
    expect(r.stdout).toMatch(/^\| id \| NI \| domain \| question \| positive \| negative \(--net\) \| excluded \|/);
    expect(r.stdout).toContain('| belong_neighbourhood | NI2 | belonging |');
  });

  it('an unknown codebook name is a usage error', async () => {
    const r = await runMain(['indicators', '--codebook', 'nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nowhere');
  });
});
