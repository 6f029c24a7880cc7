import { describe, expect, it } from 'vitest';
import { setAsideValues } from '../../src/format/set-aside-values.js';
import type { Issue } from '../../src/types/index.js';

const issue = (value: string, suggestion?: string): Issue => ({
  file: 'a.csv',
  line: 2,
  column: 3,
  columnName: 'neighbourhood',
  reason: 'unknown-area',
  severity: 'error',
  value,
  message: `"${value}" matches no area in the registry`,
  ...(suggestion ? { suggestion } : {}),
});

describe('setAsideValues', () => {
  it('names the values behind a reason, most frequent first, with counts and suggestions', () => {
    const issues = [
      ...Array.from({ length: 3 }, () => issue('Sharnfrod', 'did you mean Sharnford?')),
      issue('Nowhere'),
      { ...issue('x'), reason: 'bad-weight' },
    ];
    expect(setAsideValues(issues, 'unknown-area', 4)).toBe(
      '4 row(s) set aside as unknown-area: "Sharnfrod" 3 (did you mean Sharnford?), "Nowhere" 1',
    );
    expect(setAsideValues(issues, 'missing-wave', 0)).toBeNull();
  });

  it('lists five values and counts the rest; the total is the accounting’s, not the kept issues’', () => {
    const issues = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((v) => issue(v));
    expect(setAsideValues(issues, 'unknown-area', 12_000)).toBe(
      '12,000 row(s) set aside as unknown-area: "a" 1, "b" 1, "c" 1, "d" 1, "e" 1, and 2 more value(s)',
    );
  });
});
