import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { visibleWidth } from '../../src/render/text-width.js';

// Every terminal command on the bundled samples, at two widths: no line may be wider than COLUMNS.
const COMMANDS: string[][] = [
  ['analyse'],
  ['analyse', '--detail', 'full'],
  ['analyse', '--by', 'all,neighbourhood', '--indicators', 'NI1,NI2'],
  ['compare'],
  ['compare', '--detail', 'full'],
  ['targets'],
  ['freq', '--indicators', 'NI1,NI2'],
  ['indicators'],
  ['profile', 'Walton on the Wolds'],
];

describe('tables fit COLUMNS', () => {
  for (const width of [80, 120])
    for (const argv of COMMANDS)
      it(`COLUMNS=${width} sc-survey ${argv.join(' ')}`, async () => {
        const r = await runMain(argv, { env: { COLUMNS: String(width) } });
        expect(r.code, r.stderr).toBe(0);
        const wide = r.stdout.split('\n').filter((l) => visibleWidth(l) > width);
        expect(wide).toEqual([]);
      }, 30_000);

  it('without COLUMNS a pipe gets whole lines (no limit), and a terminal its own width', async () => {
    const pipe = await runMain(['analyse', '--detail', 'full']);
    expect(Math.max(...pipe.stdout.split('\n').map(visibleWidth))).toBeGreaterThan(120);
    const tty = await runMain(['compare'], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(tty.code).toBe(0);
  }, 30_000);

  it('summary analyse starts with the estimates and ends with the NI headline and the strongest findings', async () => {
    const r = await runMain(['analyse']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Wave 2006 — by type');
    expect(lines.length).toBeLessThan(95);
    expect(r.stdout).toContain(
      'Belong to neighbourhood (NI2): 73.9% in 2006 → 77.6% in 2009, +3.7 points; target 78.9%:',
    );
    expect(r.stdout).toMatch(/The 10 strongest of \d+ findings/);
    expect(r.stdout).toMatch(/\d+ more findings: --detail full shows them all/);
    // the accounting is on stderr only
    expect(r.stderr).toMatch(/^rows: 6,343 read/m);
    expect(r.stdout).not.toContain('rows: 6,343 read');
    // the neighbourhood tests belong to --by neighbourhood
    expect(r.stdout).not.toContain('rest of the surveyed areas');
  }, 30_000);
});
