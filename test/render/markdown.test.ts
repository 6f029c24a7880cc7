import { describe, expect, it } from 'vitest';
import { mdTable } from '../../src/render/markdown.js';

describe('mdTable', () => {
  it('draws a GitHub table, first column left, others right', () => {
    expect(mdTable(['Indicator', 'All'], [['NI2', '78.0']])).toBe(
      '| Indicator | All |\n| :--- | ---: |\n| NI2 | 78.0 |\n',
    );
  });

  it('escapes pipes and backslashes and flattens newlines in cells', () => {
    expect(mdTable(['a'], [['x|y\\z\nw']], ['l'])).toBe('| a |\n| :--- |\n| x\\|y\\\\z w |\n');
  });
});
