import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/areas/area-registry.js';
import { loadAreas, matchArea } from '../../src/areas/load-areas.js';
import { compileCodebook, cellToCode } from '../../src/codebook/compile-codebook.js';
import { loadCodebook, parseCodebook } from '../../src/codebook/load-codebook.js';
import { DataError } from '../../src/errors.js';
import { codebookJson } from '../helpers/codebook.js';
import { tempDir } from '../helpers/fixtures.js';
import { ingest } from '../helpers/ingest.js';
import { csvText, HEADER, rowFields } from '../helpers/survey-text.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const write = (name: string, text: string) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
};
const HEAD = 'code,name,aliases,district,type\n';

describe('hostile input (issue 16)', () => {
  it('refuses a registry alias or name with no letter or digit, and one over 200 characters', () => {
    expect(() => loadAreas(write('dash.csv', `${HEAD}A1,Alpha,-,D,rural\n`))).toThrow('"-" has no letter or digit');
    expect(() => loadAreas(write('dots.csv', `${HEAD}A1,...,,D,rural\n`))).toThrow('"..." has no letter or digit');
    expect(() => loadAreas(write('long.csv', `${HEAD}A1,${'n'.repeat(201)},,D,rural\n`))).toThrow(
      'longer than 200 characters',
    );
    expect(() => loadAreas(write('longtype.csv', `${HEAD}A1,Alpha,,D,${'t'.repeat(201)}\n`))).toThrow(
      'longer than 200 characters',
    );
  });

  it('never matches a blank or punctuation-only area cell', () => {
    const { registry } = buildRegistry(
      [{ code: 'A1', name: 'Alpha', aliases: [], district: 'D', type: 'rural', typeSource: '' }],
      'x',
    );
    for (const cell of ['', ' ', '-', '.', '--', '"'])
      expect(matchArea(registry, cell), JSON.stringify(cell)).toBeUndefined();
    expect(matchArea(registry, 'alpha')?.code).toBe('A1');
  });

  it('refuses a duplicate item alias in a codebook', () => {
    const cb = codebookJson();
    cb.items[1].aliases = ['Q1'];
    expect(() => parseCodebook(cb, 'x.json')).toThrow(
      'items[1].aliases[0]: "Q1" is also a name or alias of item "belong_neighbourhood"',
    );
  });

  it('reads a codebook that starts with a UTF-8 byte-order mark', () => {
    const p = write('bom.json', `\uFEFF${JSON.stringify(codebookJson())}`);
    expect(loadCodebook(p).codebook.items).toHaveLength(17);
  });

  it(
    'scales named toString, constructor and __proto__ work; an undefined one named so is an error, not ' + 'a crash',
    () => {
      const cb = codebookJson();
      const yesno = cb.scales.yesno;
      cb.scales = JSON.parse(
        `{"toString": ${JSON.stringify(cb.scales.belong)}, "constructor": ${JSON.stringify(cb.scales.agree)}, ` +
          `"__proto__": ${JSON.stringify(yesno)}, ${JSON.stringify(cb.scales).slice(1)}`,
      );
      for (const it of cb.items) {
        if (it.scale === 'belong') it.scale = 'toString';
        else if (it.scale === 'agree') it.scale = 'constructor';
        else if (it.scale === 'yesno') it.scale = '__proto__';
      }
      const compiled = compileCodebook(parseCodebook(cb, 'x.json'));
      const item = (id: string) => compiled.items.find((c) => c.item.id === id)!;
      expect(cellToCode(item('belong_neighbourhood'), 'Fairly strongly', compiled.missingValues)).toBe(2);
      expect(cellToCode(item('friendly_place'), 'Tend to disagree', compiled.missingValues)).toBe(3);
      expect(cellToCode(item('volunteer_formal'), 'No', compiled.missingValues)).toBe(2);
      const missing = codebookJson();
      missing.items[0].scale = 'toString';
      expect(() => parseCodebook(missing, 'x.json')).toThrow(DataError);
      expect(() => parseCodebook(missing, 'x.json')).toThrow(
        'items[0].scale: scale "toString" is not defined in "scales"',
      );
    },
  );

  it(
    'computes "did you mean" once per distinct value, for values of 100 characters or fewer, and for ' +
      '20 values at most',
    async () => {
      const rows = [
        HEADER,
        ...Array.from({ length: 25 }, (_, i) =>
          rowFields({ id: `a${i}`, area: `Wigstonx${String.fromCharCode(97 + i)}` }),
        ),
        rowFields({ id: 'b1', area: 'Wigstn' }),
        rowFields({ id: 'b2', area: 'w'.repeat(101) }),
      ];
      const { log } = await ingest([write('areas.csv', csvText(rows))]);
      const unknown = log.issues.filter((i) => i.reason === 'unknown-area');
      expect(unknown).toHaveLength(27);
      // "Wigstonxa" … is two edits from "Wigston" (9 letters: room for two): the first 20 get the suggestion
      expect(unknown.filter((i) => i.suggestion === 'did you mean Wigston?')).toHaveLength(20);
      expect(unknown.find((i) => i.value === 'Wigstn')?.suggestion).toBeUndefined();
      expect(unknown.find((i) => i.value.length === 101)?.suggestion).toBeUndefined();
    },
  );
});

describe('item ids that are names of Object.prototype', () => {
  it('an item called constructor is counted like any other', async () => {
    const cb = codebookJson();
    cb.items[0].id = 'constructor';
    const compiled = compileCodebook(parseCodebook(cb, 'x.json'));
    const { createIssueLog } = await import('../../src/ingest/issue-log.js');
    const { readSurveyFiles } = await import('../../src/ingest/read-survey.js');
    const { addRow, answerReasons, createTallyStore } = await import('../../src/aggregate/tally-store.js');
    const header = ['respondent_id', 'wave', 'neighbourhood', 'constructor'];
    const p = write('ctor.csv', csvText([header, ['a', '2009', 'BL-BRA', '2.0'], ['b', '2009', 'BL-BRA', '98']]));
    const log = createIssueLog();
    const store = createTallyStore(compiled.items.length);
    await readSurveyFiles(
      [{ path: p, label: p }],
      { codebook: compiled, registry: loadAreas(), weightColumn: null, weightRequired: false },
      (r) => addRow(store, compiled, r),
      log,
    );
    expect(log.accounting.answers.constructor).toEqual({ 'read-as-code:decimal': 1 });
    expect(
      answerReasons(
        store,
        compiled.items.map((c) => c.item.id),
      ).constructor,
    ).toEqual({ 'missing:multiple-ticks': 1 });
  });
});
