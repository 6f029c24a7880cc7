import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/codebook/load-codebook.js';
import { parseTargetsFile } from '../../src/compare/parse-targets-file.js';
import { DataError } from '../../src/errors.js';

const { codebook } = loadCodebook('leicestershire');
const csv = (rows: string) => parseTargetsFile(`indicator,group,baseline,target\n${rows}`, 't.csv', codebook);
const json = (text: string) => parseTargetsFile(text, 't.json', codebook);

describe('targets file: numbers are decimals, never coerced', () => {
  it('reads decimal text and JSON numbers', () => {
    expect(csv('NI2,all,75.5,80\n')[0]).toMatchObject({ baseline: 75.5, target: 80 });
    expect(json('[{"indicator":"NI2","group":"all","baseline":75}]')[0]).toMatchObject({ baseline: 75 });
  });

  it('a blank baseline is an error naming the line, not 0%', () => {
    expect(() => csv('NI2,all,\n')).toThrow(DataError);
    expect(() => csv('NI2,all,\n')).toThrow(/t\.csv:2: baseline is blank/);
  });

  it.each(['0x10', '1e', 'abc', '50%', ' . '])('baseline %j is not a decimal number: an error naming the line', (v) => {
    expect(() => csv(`NI2,all,${v}\n`)).toThrow(/t\.csv:2: baseline/);
  });

  it.each(['true', '[50]', '"0x10"', 'null', '{}'])('a JSON baseline of %s is an error naming the row', (v) => {
    expect(() => json(`[{"indicator":"NI2","group":"all","baseline":${v}}]`)).toThrow(/t\.json:row 1: baseline/);
  });

  it.each(['null', 'true', '5', '"x"'])('a JSON file that is %s is a data error, not an internal one', (v) => {
    expect(() => json(v)).toThrow(DataError);
  });

  it('a blank target stays optional', () => {
    expect(csv('NI2,all,70,\n')[0]!.target).toBeUndefined();
    expect(csv('NI2,all,70, \n')[0]!.target).toBeUndefined();
  });
});

describe('targets file: what it would have to guess is refused', () => {
  const area = (code: string, name: string, district: string, type: string) => ({
    code,
    name,
    aliases: [],
    district,
    type,
    typeSource: '',
  });
  const areas = [
    area('BL-WHE', 'Blaby', 'Blaby', 'average'),
    area('BL-SHA', 'Sharnford', 'Blaby', 'rural'),
    area('ME-EGE', 'Melton Egerton', 'Melton', 'deprived'),
  ];
  const withAreas = (rows: string) =>
    parseTargetsFile(`indicator,group,baseline,target\n${rows}`, 't.csv', codebook, areas as never);

  it('a baseline or target written as a proportion (0.739) is refused, naming the percentage meant', () => {
    expect(() => csv('NI2,all,0.739,\n')).toThrow(
      't.csv:2: 0.739 looks like a proportion; the targets file takes percentages (73.9, not 0.739)',
    );
    expect(() => csv('NI2,all,73.9,0.789\n')).toThrow('t.csv:2: 0.789 looks like a proportion');
    // whole numbers and 0 are percentages
    expect(csv('NI2,all,1,6\n')[0]).toMatchObject({ baseline: 1, target: 6 });
  });

  it('a second row for the same indicator and group is refused, naming the first', () => {
    expect(() => csv('NI2,all,75,\nNI2,all,70,\n')).toThrow(
      't.csv:3: a second row for NI2 × all (the first is on t.csv:2)',
    );
    // spelt differently but the same group once resolved against the registry
    expect(() => withAreas('NI2,all,75,\nbelong_neighbourhood,All surveyed areas,72,\n')).toThrow(
      'a second row for belong_neighbourhood × All surveyed areas (the first is on t.csv:2)',
    );
  });

  it('a group name that is both a district and an area is refused; the area code is not', () => {
    expect(() => withAreas('NI2,Blaby,70,\n')).toThrow(
      't.csv:2: group "Blaby" could be a district or the area BL-WHE; name the area by its code',
    );
    expect(withAreas('NI2,BL-WHE,70,\nNI2,Melton,70,\n')).toHaveLength(2);
  });
});
