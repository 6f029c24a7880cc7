import { describe, expect, it } from 'vitest';
import { resolveOutputFormat } from '../../src/options/output-format.js';

const ANALYSE = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
const REPORT = ['html', 'md'] as const;

describe('resolveOutputFormat', () => {
  it('takes the format from -o when --format is not given', () => {
    expect(resolveOutputFormat('analyse', ANALYSE, undefined, 'out.xlsx')).toBe('xlsx');
    expect(resolveOutputFormat('analyse', ANALYSE, undefined, 'Results.JSON')).toBe('json');
    expect(resolveOutputFormat('report', REPORT, undefined, 'report.md')).toBe('md');
    expect(resolveOutputFormat('report', REPORT, undefined, 'report.htm')).toBe('html');
  });

  it('keeps --format, or the default, when -o says nothing', () => {
    expect(resolveOutputFormat('analyse', ANALYSE, undefined, undefined)).toBe('table');
    expect(resolveOutputFormat('analyse', ANALYSE, undefined, 'results.out')).toBe('table');
    expect(resolveOutputFormat('analyse', ANALYSE, 'csv', 'results')).toBe('csv');
    expect(resolveOutputFormat('analyse', ANALYSE, 'json', '-')).toBe('json');
    expect(resolveOutputFormat('analyse', ANALYSE, 'csv', 'out.csv')).toBe('csv');
  });

  it('refuses an extension that contradicts --format, or that the command cannot write', () => {
    expect(() => resolveOutputFormat('analyse', ANALYSE, 'table', 'out.xlsx')).toThrow(
      '-o out.xlsx is a .xlsx file but --format is table: give --format xlsx',
    );
    expect(() => resolveOutputFormat('analyse', ANALYSE, undefined, 'out.html')).toThrow(
      '-o out.html: analyse cannot write html (its formats: table, json, csv, md, xlsx)',
    );
  });
});
