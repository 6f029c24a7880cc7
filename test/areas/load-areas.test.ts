import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAreas, matchArea, suggestArea } from '../../src/areas/load-areas.js';
import { DataError, UsageError } from '../../src/errors.js';
import { fixture } from '../helpers/fixtures.js';
import { runMain } from '../helpers/run-main.js';
import { tempInputs } from '../helpers/temp-inputs.js';

const registry = loadAreas();
const tmp = tempInputs();
const writeCsv = tmp.write;

describe('loadAreas (bundled)', () => {
  it('holds the 20 areas of docs/data-format.md, with their aliases and mailed counts', () => {
    expect(registry.areas).toHaveLength(20);
    const tilton = registry.areas.find((a) => a.code === 'HA-TIL')!;
    expect(tilton).toMatchObject({
      name: 'Tilton',
      aliases: ['Tilton on the Hill'],
      district: 'Harborough',
      type: 'rural',
      mailed: 410,
    });
    expect(new Set(registry.areas.map((a) => a.type))).toEqual(new Set(['rural', 'deprived', 'average']));
  });
});

describe('matchArea', () => {
  const code = (v: string) => matchArea(registry, v)?.code;
  it('matches codes, names and aliases whatever the case, spaces or punctuation', () => {
    expect(code('CH-WOL')).toBe('CH-WOL');
    expect(code('ch-wol')).toBe('CH-WOL');
    expect(code('chwol')).toBe('CH-WOL');
    expect(code('walton-on-the-wolds')).toBe('CH-WOL');
    expect(code('HASTINGS')).toBe('CH-HAS');
    expect(code('Loughborough Hastings')).toBe('CH-HAS');
    expect(code('Melton Mowbray')).toBe('ME-EGE');
    expect(code('tilton on the hill')).toBe('HA-TIL');
    expect(code('Lockington-Hemington')).toBe('NW-LOC');
    expect(code(' Braunstone Town ')).toBe('BL-BRA');
    expect(code('Earl Shilton.')).toBe('HB-EAR');
  });

  it('matches nothing for an unknown area or a near miss', () => {
    expect(code('Atlantis')).toBeUndefined();
    expect(code('Walton on the Wold')).toBeUndefined();
    expect(code('')).toBeUndefined();
  });
});

describe('suggestArea', () => {
  it('suggests the registry name for a near miss, nothing for a far one', () => {
    expect(suggestArea(registry, 'Walton on the Wold')).toBe('Walton on the Wolds');
    expect(suggestArea(registry, 'Whetstne')).toBe('Whetstone');
    expect(suggestArea(registry, 'Atlantis')).toBeUndefined();
  });
});

describe('a user registry (--areas)', () => {
  const header = 'code,name,aliases,district,type,type_source\n';

  it('loads aliases split on | or ;, and without a mailed column', () => {
    const p = writeCsv('ok.csv', `${header}A1,Alpha,Al|Alf;Alfa,North,rural,test\nB1,Beta,,South,average,test\n`);
    const r = loadAreas(p);
    expect(r.areas.map((a) => a.code)).toEqual(['A1', 'B1']);
    expect(r.areas[0]!.aliases).toEqual(['Al', 'Alf', 'Alfa']);
    expect(r.areas[0]!.mailed).toBeUndefined();
    expect(matchArea(r, 'alf')?.code).toBe('A1');
  });

  it('a missing column, a blank field, a bad mailed count or an ambiguous alias is a DataError naming the line', () => {
    expect(() => loadAreas(writeCsv('nocol.csv', 'code,name,district\nA1,Alpha,North\n'))).toThrow(
      /lacks column\(s\) type/,
    );
    expect(() => loadAreas(writeCsv('blank.csv', `${header}A1,,,North,rural,x\n`))).toThrow(/:2: name: name is blank/);
    expect(() =>
      loadAreas(
        writeCsv('mailed.csv', 'code,name,aliases,district,type,type_source,mailed\nA1,Alpha,,North,rural,x,12.5\n'),
      ),
    ).toThrow(/:2: mailed: mailed must be a whole number/);
    expect(() =>
      loadAreas(writeCsv('ambig.csv', `${header}A1,Alpha,Beta,North,rural,x\nB1,Beta,,South,average,x\n`)),
    ).toThrow(/matches both A1 and B1/);
    expect(() => loadAreas(writeCsv('empty.csv', header))).toThrow(DataError);
  });

  it('an unreadable registry is a usage error', () => {
    expect(() => loadAreas(join(tmp.dir, 'nope.csv'))).toThrow(UsageError);
  });

  it('exits 1 through main with the registry problem and no stack trace', async () => {
    const p = writeCsv('bad-main.csv', `${header}A1,,,North,rural,x\n`);
    const r = await runMain(['analyse', fixture('bom-crlf.csv'), '--areas', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('name is blank');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
