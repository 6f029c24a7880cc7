import { describe, expect, it } from 'vitest';
import { stripColour, visibleWidth, wrapText } from '../../src/render/text-width.js';
import { textTable } from '../../src/render/text-table.js';

describe('visibleWidth', () => {
  it('counts code points, not bytes or colour codes', () => {
    expect(visibleWidth('73.9 (72.3–75.4)')).toBe(16);
    expect(visibleWidth('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(stripColour('\u001b[32m+3.7\u001b[39m')).toBe('+3.7');
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries with a hanging indent', () => {
    expect(wrapText('aaa bbb ccc ddd', 7, '  ')).toEqual(['aaa bbb', '  ccc', '  ddd']);
  });
  it('breaks a word longer than the width (a long path), so no line is wider', () => {
    const lines = wrapText('see /a/very/long/path/to/a/file.csv now', 10);
    expect(lines).toEqual(['see', '/a/very/lo', 'ng/path/to', '/a/file.cs', 'v now']);
    for (const l of lines) expect(visibleWidth(l)).toBeLessThanOrEqual(10);
  });
  it('keeps the text whole without a width', () => {
    expect(wrapText('one two', undefined)).toEqual(['one two']);
  });
});

describe('textTable within a width', () => {
  const header = ['Indicator', 'Group', 'Percent'];
  const rows = [['Belong to neighbourhood (NI2)', 'All surveyed areas', '73.9']];
  it('is boxed when it fits', () => {
    expect(textTable(header, rows, { colour: false, width: 80 })).toContain('┌');
  });
  it('drops the borders when only that fits', () => {
    const t = textTable(header, rows, { colour: false, width: 60, align: ['l', 'l', 'r'] });
    expect(t).not.toContain('│');
    expect(t.split('\n')[0]).toBe('Indicator                      Group               Percent');
  });
  it('gives one block per row when nothing else fits', () => {
    expect(textTable(header, rows, { colour: false, width: 30, align: ['l', 'l', 'r'] })).toBe(
      'Belong to neighbourhood (NI2)\n· All surveyed areas\n  Percent: 73.9\n',
    );
  });
});
