import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { csvText, HEADER, waveRows } from '../helpers/survey-text.js';
import { tempInputs } from '../helpers/temp-inputs.js';

const { write } = tempInputs();
const plain = write('plain-2006.csv', csvText([HEADER, ...waveRows('2006', 40, 'a')]));
// the same rows with a weight column of 2: the 2009 file is weighted, the 2006 one is not
const weighted = write(
  'weighted-2009.csv',
  csvText([[...HEADER, 'weight'], ...waveRows('2009', 40, 'b').map((r) => [...r, '2'])]),
);

describe('weighted and unweighted files together', () => {
  it('are refused by a command that gives figures (exit 2), naming both and --no-weights', async () => {
    const r = await runMain(['compare', plain, weighted, '--by', 'all', '--indicators', 'NI2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${weighted} has a weight column but ${plain} has none, so its rows would count with weight 1 beside ` +
        'weighted ones: weight every file, or give --no-weights to analyse all of them unweighted',
    );
    expect((await runMain(['compare', plain, weighted, '--by', 'all', '--no-weights'])).code).toBe(0);
  });

  it('are a warning in validate, which only checks', async () => {
    const r = await runMain(['validate', plain, weighted]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${weighted} has a weight column but ${plain} has none`);
  });
});
