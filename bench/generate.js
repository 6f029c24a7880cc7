// Seeded generator of canonical survey files (docs/data-format.md) for the benchmark.
// usage: node bench/generate.js [--sizes 10k,100k,1m] [--seed 20090401] [--force]
// Writes bench/out/survey-<size>.csv (git-ignored). Same seed and size → byte-identical file.
//
// Items come in codebook order. The peers match columns by header name (the DuckDB peer declares its column types by
// name), so the order changes nothing for them; a cached file with another header (an older generator's) is
// written anew.
//
// Chosen so that sc-survey and the peers in ANCHORS_DIR read the same thing:
// - neighbourhood is a registry code or the exact registry name (the peers do no fuzzy matching, no aliases);
// - item cells are numeric codes only (no labels: DuckDB reads the items as INTEGER), with the realistic
//   missing codes blank, 98 and 99, and "don't know" (5; 4 for trust_general), plus 6 and 7 for
//   backgrounds_get_on. The peers' ranges (valid 1..4, 1..3 for trust_general, 1..2 for yes/no) leave out
//   exactly the codes docs/data-format.md calls missing or excluded, so the sums are comparable;
// - weights are not all 1 (0.400–2.599, three decimals);
// - about 3% of rows carry a comment, some quoted with commas and doubled quotes, a few with a quoted newline.
import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
} from 'node:fs';
import { Buffer } from 'node:buffer';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..');
export const outDir = path.join(here, 'out');

export const ITEMS = [
  // [id, codes that are answers 1..k, don't-know code or 0, extra excluded codes]
  ['belong_neighbourhood', 4, 5, []],
  ['belong_county', 4, 5, []],
  ['belong_england', 4, 5, []],
  ['belong_britain', 4, 5, []],
  ['friendly_place', 4, 5, []],
  ['keep_eye', 4, 5, []],
  ['call_police', 4, 5, []],
  ['backgrounds_get_on', 4, 5, [6, 7]],
  ['trust_general', 3, 4, []],
  ['trust_neighbours', 4, 5, []],
  ['help_neighbour', 4, 5, []],
  ['wallet_returned', 4, 5, []],
  ['influence_decisions', 4, 5, []],
  ['influence_alone', 4, 5, []],
  ['influence_group', 4, 5, []],
  ['volunteer_formal', 2, 0, []],
  ['volunteer_informal', 2, 0, []],
];
const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];
const WAVES = ['2006', '2009'];
const COMMENTS = [
  'Nice area',
  'Too much traffic',
  'Buses are poor, and the library closed',
  'More for young people, please',
  'He said "it\'s fine", but it isn\'t',
  'Parking, litter, dogs',
  'Great neighbours',
  'Street lights out since May\nstill not fixed',
  'None',
  'Village hall, church and pub – all good',
];

export const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

/** mulberry32: a small, fast seeded PRNG (uniform in [0, 1)). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function readRegistry(file = path.join(repoRoot, 'data/areas.csv')) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return { code: cells[cols.indexOf('code')], name: cells[cols.indexOf('name')], type: cells[cols.indexOf('type')] };
  });
}

function csvCell(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function itemCell(rng, k, dk, extra, pPos) {
  const u = rng();
  if (u < 0.04) return '';
  if (u < 0.047) return '98';
  if (u < 0.057) return '99';
  if (dk && u < 0.107) return String(dk);
  if (extra.length && u < 0.137) return String(extra[Math.floor(rng() * extra.length)]);
  const posMax = k === 4 ? 2 : 1;
  if (rng() < pPos) return String(1 + Math.floor(rng() * posMax));
  return String(posMax + 1 + Math.floor(rng() * (k - posMax)));
}

export function header() {
  return [
    'respondent_id',
    'wave',
    'neighbourhood',
    'weight',
    'age_band',
    'sex',
    ...ITEMS.map(([id]) => id),
    'comments',
  ].join(',');
}

/** Writes `rows` data rows to `file`; resolves when flushed. */
export async function generate(file, rows, seed = 20090401) {
  const items = ITEMS;
  const rng = mulberry32(seed ^ rows);
  const areas = readRegistry();
  const typeShift = { deprived: -0.15, average: 0, rural: 0.08 };
  const tmp = `${file}.part`;
  const out = createWriteStream(tmp);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write(header() + '\n');
  let batch = [];
  for (let i = 1; i <= rows; i++) {
    const wave = WAVES[rng() < 0.5 ? 0 : 1];
    const area = areas[Math.floor(rng() * areas.length)];
    const where = rng() < 0.5 ? area.code : area.name;
    const weight = (0.4 + rng() * 2.2).toFixed(3);
    const age = rng() < 0.03 ? '' : AGE_BANDS[Math.floor(rng() * AGE_BANDS.length)];
    const sex = rng() < 0.02 ? '' : rng() < 0.53 ? 'Female' : 'Male';
    const shift = (typeShift[area.type] ?? 0) + (wave === '2009' ? 0.03 : 0);
    const cells = [`R${String(i).padStart(7, '0')}`, wave, where, weight, age, sex];
    for (let j = 0; j < items.length; j++) {
      const [, k, dk, extra] = items[j];
      cells.push(itemCell(rng, k, dk, extra, Math.min(0.95, Math.max(0.05, 0.35 + j * 0.03 + shift))));
    }
    cells.push(rng() < 0.03 ? csvCell(COMMENTS[Math.floor(rng() * COMMENTS.length)]) : '');
    batch.push(cells.join(','));
    if (batch.length === 5000 || i === rows) {
      await write(batch.join('\n') + '\n');
      batch = [];
    }
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  renameSync(tmp, file);
}

export function fileFor(size) {
  return path.join(outDir, `survey-${size}.csv`);
}

/** true when `file` starts with the header this generator writes (a file from an older generator does not). */
function currentHeader(file) {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const head = buf
      .subarray(0, readSync(fd, buf, 0, buf.length, 0))
      .toString('utf8')
      .split('\n')[0];
    return head === header();
  } finally {
    closeSync(fd);
  }
}

/** Generates any missing files of the given sizes ('10k', '100k', '1m' or a plain row count). */
export async function ensureFiles(sizes, { seed = 20090401, force = false, log = console.error } = {}) {
  mkdirSync(outDir, { recursive: true });
  for (const size of sizes) {
    const rows = SIZES[size] ?? Number(size);
    if (!Number.isInteger(rows) || rows <= 0) throw new Error(`bad size: ${size}`);
    const file = fileFor(size);
    if (!force && existsSync(file) && currentHeader(file)) continue;
    const t0 = process.hrtime.bigint();
    await generate(file, rows, seed);
    log(
      `generated ${path.relative(process.cwd(), file)} (${rows} rows) in ` +
        `${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  await ensureFiles(opt('--sizes', '10k,100k,1m').split(','), {
    seed: Number(opt('--seed', '20090401')),
    force: args.includes('--force'),
  });
}
