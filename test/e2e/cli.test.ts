import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { ensureBuilt, runBuilt } from '../helpers/built-cli.js';

// End to end: the built bin/sc-survey.js in a child process, as a user runs it.
beforeAll(() => ensureBuilt(), 180_000);

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

describe('sc-survey (built)', () => {
  it('analyse with no files: the bundled sample waves, both waves, by area type, said on stderr', () => {
    const r = runBuilt(['analyse']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no files given; using the bundled synthetic sample waves');
    expect(r.stdout).toContain('Wave 2006');
    expect(r.stdout).toContain('Wave 2009');
    expect(r.stdout).toMatch(/│ Indicator\s+│ All surveyed areas │\s+rural │\s+deprived │\s+average │/);
    expect(r.stdout).toMatch(/Belong to neighbourhood \(NI2\)\s+│\s+\d+\.\d \(\d+\.\d–\d+\.\d\)/);

    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('under CI, a run given no files is refused (2) and --samples reads them anyway', () => {
    const refused = runBuilt(['analyse'], { CI: 'true' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'no input files; the bundled samples are used only outside CI, or with `--samples`',
    );
    expect(refused.stdout).toBe('');
    const asked = runBuilt(['analyse', '--samples', '--indicators', 'NI2', '--by', 'all'], { CI: 'true' });
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Wave 2009');
  });

  it('validate fixtures/paper-2009.csv: 1000 read, 1000 analysed, 0 set aside, exit 0', () => {
    const r = runBuilt(['validate', 'fixtures/paper-2009.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rows: 1,000 read, 1,000 analysed, 0 set aside');
    expect(r.stdout).toContain('Totals: 0 error(s), 0 warning(s)');
  });

  it.each([['binary-garbage.csv'], ['empty.csv'], ['header-only.csv'], ['missing-column.csv']])(
    'a fatal file (%s) exits 1 with a clear message and no stack trace',
    (file) => {
      for (const cmd of ['analyse', 'validate']) {
        const r = runBuilt([cmd, `fixtures/${file}`]);
        expect(r.code, cmd).toBe(1);
        expect(r.stdout + r.stderr).toContain(`fixtures/${file}`);
        expect(r.stdout + r.stderr).not.toContain('internal error');
        noStack(r.stdout + r.stderr);
      }
    },
  );

  it('--help lists the commands, and every command has --help with an example of itself', () => {
    const top = runBuilt(['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+) (?:\[options\]|\[command\])/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['analyse', 'validate', 'indicators']));
    expect(top.stdout).toContain('Examples:');
    for (const cmd of commands) {
      const r = runBuilt([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain('Examples:');
      expect(r.stdout, cmd).toContain(`$ sc-survey ${cmd}`);
    }
  });

  it('the input file is not modified by a run', () => {
    const before = readFileSync(fixture('mixed-quirks.csv'));
    runBuilt(['validate', 'fixtures/mixed-quirks.csv']);
    expect(readFileSync(fixture('mixed-quirks.csv')).equals(before)).toBe(true);
  });
});
