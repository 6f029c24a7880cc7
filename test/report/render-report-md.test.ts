import { describe, expect, it } from 'vitest';
import { renderReportMd, textBar } from '../../src/report/render-report-md.js';
import { est, input, result } from './report-fixture.js';

describe('textBar', () => {
  it('draws 20 blocks of 5 points, rounding to the nearest block', () => {
    // 77.6 / 5 = 15.52 → 16 full blocks, 4 empty
    expect(textBar(est('2009', 'all', 'all', 'trust_general', 77.6))).toBe(`${'█'.repeat(16)}${'░'.repeat(4)}`);
    expect(textBar(est('2009', 'all', 'all', 'trust_general', 0))).toBe('░'.repeat(20));
    expect(textBar(est('2009', 'all', 'all', 'trust_general', 12, 'suppressed', 10))).toBe('');
  });
});

describe('renderReportMd', () => {
  const estimates = [
    est('2009', 'all', 'all', 'trust_general', 31.04),
    est('2009', 'type', 'rural', 'trust_general', 40, 'suppressed', 12),
  ];
  const md = renderReportMd(input(result(estimates)));

  it('has the six sections, and tables not charts', () => {
    const heads = md.split('\n').filter((l) => l.startsWith('## '));
    expect(heads).toEqual([
      '## 1. Data summary',
      '## 2. Headline: NI1, NI2 and NI4',
      '## 3.1 Trust',
      '## 4. Findings',
      '## 5. Neighbourhoods',
      '## 6. Methodology',
    ]);
    expect(md).not.toContain('<svg');
  });

  it('shows a suppressed figure as "suppressed" with its base', () => {
    expect(md).toContain('| Rural areas | suppressed |  | 12 |  |');
    expect(md).toContain('| **Most people trusted** | All surveyed areas | 31.0 | 28.0–34.0 | 200 |');
  });

  it('prints the date only when given, and ends with one newline', () => {
    expect(md).not.toContain('Date:');
    expect(renderReportMd(input(result(estimates), { date: '2009-04-01' }))).toContain('Date: 2009-04-01.');
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });
});
