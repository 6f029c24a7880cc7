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
