import { describe, expect, it } from 'vitest';
import { renderTagCsv } from '../../src/render/render-tag-csv.js';
import { renderTagJson } from '../../src/render/render-tag-json.js';
import { renderTagMd } from '../../src/render/render-tag-md.js';
import { renderTagTable } from '../../src/render/render-tag-table.js';
import { tagAreas } from '../../src/tag/tag-areas.js';
import { table } from '../tag/fixture.js';

const result = tagAreas(
  { neighbourhoods: table('neighbourhoods.csv'), imd: table('imd2019-file7.csv'), ruc: table('ruc2011-lsoa.csv') },
  { share: 0.2, method: 'majority', lsoaCount: undefined, precedence: ['rural', 'deprived'] },
);

describe('tag renderers', () => {
  it(
    'csv: code,name,aliases,district,type,type_source and, with a population column, adults (the LSOAs ' + 'summed)',
    () => {
      const lines = renderTagCsv(result).split('\n');
      expect(lines[0]).toBe('code,name,aliases,district,type,type_source,adults');
      // adults: by hand from the neighbourhoods file, 4,500 residents in BL-BRA's 3 LSOAs and 2,200 in BL-SHA's 2
      expect(lines[1]).toBe(
        'BL-BRA,Braunstone Town,,Blaby,deprived,"deprived: 4,500 of 4,500 residents (3 of 3 LSOAs) in IMD 2019 ' +
          'deciles 1–2; 0 of 4,500 residents (0 of 3 LSOAs) rural (RUC 2011)",4500',
      );
      expect(lines[3]).toBe(
        'BL-SHA,Sharnford,,Blaby,rural,"rural: 1,300 of 2,200 residents (1 of 2 LSOAs) rural (RUC 2011); 0 of 2,200 ' +
          'residents (0 of 2 LSOAs) in IMD 2019 deciles 1–2",2200',
      );
      expect(lines).toHaveLength(10); // header, 8 areas, final newline
      expect(lines[9]).toBe('');
    },
  );

  it('json: schemaVersion, rule, files, areas with counts', () => {
    const doc = JSON.parse(renderTagJson(result));
    expect(doc.schemaVersion).toBe(2);
    expect(doc.rule).toMatchObject({
      deprivedShare: 0.2,
      imdMethod: 'majority',
      precedence: 'rural,deprived',
      weighting: 'population',
      criterion: { kind: 'decile', maxDecile: 2 },
    });
    expect(doc.files.imd).toMatchObject({
      edition: 'IMD 2019',
      layout: 'file7',
      lsoaYear: 2011,
      lsoas: 23,
      hasDeciles: true,
    });
    expect(doc.files.ruc).toMatchObject({ edition: 'RUC 2011', lsoas: 24 });
    // CH-HAS: 3 LSOAs, 5,100 residents, 1,800 + 1,700 in deciles 1–2
    expect(doc.areas[3]).toMatchObject({
      code: 'CH-HAS',
      type: 'deprived',
      lsoas: 3,
      weight: 5100,
      deprivedLsoas: 2,
      deprivedWeight: 3500,
      ruralWeight: 0,
      meanRank: null,
    });
    expect(doc.warnings).toHaveLength(1);
  });

  it('md: the rule, then a row per area with its reason', () => {
    const md = renderTagMd(result);
    expect(md).toMatch(/^# Area types\n\nFrom IMD 2019 \(.*imd2019-file7\.csv\) and RUC 2011/);
    expect(md).toContain(
      "- deprived: more than half of the area's residents (population column) live in LSOAs in IMD 2019 deciles 1–2 " +
        '(the most deprived 20%)',
    );
    expect(md).toContain(
      '| OW-OAD | Oadby | Oadby and Wigston | average | average (neither rural nor deprived): 0 of 3,500 residents',
    );
    expect(md).toContain('**Warnings**');
  });

  it('table: no escape codes without colour; green/red types with it', () => {
    const plain = renderTagTable(result, false);
    expect(plain).not.toMatch(/\u001b\[/);
    const all = '2,300 of 2,300 \\(100%\\)';
    expect(plain).toMatch(
      new RegExp(`│ CH-WOL │ Walton on the Wolds +│ Charnwood +│ rural \\* +│ ${all} +│ ${all} +│`),
    );
    // 100 × 1300/2200 = 59.09
    expect(plain).toMatch(/│ BL-SHA │ .* │ 1,300 of 2,200 \(59\.1%\) +│ 0 of 2,200 \(0%\) +│/);
    expect(plain).toContain('* both rural and deprived; the precedence decided');
    expect(plain).toContain('Rule:\n  rural: rural LSOAs (RUC 2011 classes D1, D2, E1, E2) hold more than half');
    const coloured = renderTagTable(result, true);
    expect(coloured).toContain('\u001b[32mrural\u001b[39m');
    expect(coloured).toContain('\u001b[31mdeprived\u001b[39m');
  });
});
