import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, runBuilt } from '../helpers/built-cli.js';
import { ROOT, tempDir } from '../helpers/fixtures.js';

beforeAll(() => ensureBuilt(), 180_000);
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('the edges a user meets', () => {
  it('stdout closed early (| head) exits 0 with no EPIPE trace', () => {
    const by = 'all,type,district,neighbourhood,age_band,sex';
    const cmd = `set -o pipefail; "${process.execPath}" "${BIN}" analyse --samples --by ${by} --format csv | head -1`;
    const r = spawnSync('bash', ['-c', cmd], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^wave,groupBy,group,indicator/);
    expect(r.stderr).not.toContain('EPIPE');
  });

  it('-o into a folder that does not exist is a usage error (exit 2), and leaves nothing behind', () => {
    const r = runBuilt(['analyse', '-o', join(tmp.dir, 'missing', 'out.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write -o');
    expect(existsSync(join(tmp.dir, 'missing'))).toBe(false);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('a file joined from CRLF and LF parts keeps every row (line ends made one)', () => {
    const header = 'respondent_id,wave,neighbourhood,belong_neighbourhood';
    const crlf = `${header}\r\na1,2009,BL-BRA,1\r\na2,2009,BL-BRA,2\r\n`;
    const lf = 'a3,2009,BL-BRA,1\na4,2009,BL-BRA,3\na5,2009,BL-BRA,"x\ny"\na6,2009,BL-BRA,1\n';
    const path = join(tmp.dir, 'joined.csv');
    writeFileSync(path, crlf + lf);
    const r = runBuilt(['validate', path, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    // 6 data rows by reading the text: a1, a2 (CRLF part), a3–a6 (LF part); a5's cell spans lines 6–7.
    expect(out.accounting.read).toBe(6);
    expect(out.accounting.analysed).toBe(6);
    expect(
      out.issues
        .filter((i: { severity: string }) => i.severity === 'error')
        .map((i: { line: number; reason: string }) => `${i.line}:${i.reason}`),
    ).toEqual(['6:invalid-code']);
  });

  it("a line of bare separators (a spreadsheet's empty row) is blank, not a row with a missing wave", () => {
    const path = join(tmp.dir, 'empty-rows.csv');
    // read by eye: 2 rows; lines 3 and 5 are ",,," (skipped); line 4 ";;;" is one non-empty field: ragged
    writeFileSync(
      path,
      'respondent_id,wave,neighbourhood,belong_neighbourhood\na1,2009,BL-BRA,1\n,,,\n;;;\na2,2009,BL-BRA,2\n,,,\n',
    );
    const out = JSON.parse(runBuilt(['validate', path, '--format', 'json']).stdout);
    expect(out.accounting.read).toBe(3);
    expect(out.accounting.setAside).toEqual({ 'wrong-field-count': 1 });
    expect(
      out.issues.filter((i: { severity: string }) => i.severity === 'error').map((i: { line: number }) => i.line),
    ).toEqual([4]);
  });
});
