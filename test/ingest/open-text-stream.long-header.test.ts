import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { runJson } from '../helpers/run-main.js';
import { HEADER, rowFields } from '../helpers/survey-text.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('a header longer than 64 KiB', () => {
  it('is read whole: 4,000 extra columns first, the survey columns after them, every row analysed', async () => {
    const extra = Array.from({ length: 4000 }, (_, i) => `extra_column_${String(i).padStart(5, '0')}`);
    const header = [...extra, ...HEADER];
    expect(header.length).toBe(4023);
    expect(header.join(',').length).toBeGreaterThan(65536);
    const rows = Array.from({ length: 3 }, (_, i) =>
      [...extra.map(() => 'x'), ...rowFields({ id: `r${i}` })].join(','),
    );
    const p = join(tmp.dir, 'wide.csv');
    writeFileSync(p, `${header.join(',')}\n${rows.join('\n')}\n`);
    const r = await runJson(['validate', p, '--format', 'json']);
    expect(r.json.fatal).toBeNull();
    expect(r.json.accounting).toMatchObject({ read: 3, analysed: 3, setAside: {} });
  });
});
