#!/usr/bin/env node
// Generates the SYNTHETIC sample waves and the synthetic per-area population margins:
//   data/samples/wave-2006.csv, data/samples/wave-2009.csv, data/margins/leicestershire-areas.csv
// Run with `npm run samples`. Output is byte-identical on every run: one seeded PRNG, drawn in a fixed order.
// Inputs: data/areas.csv (codes, names, aliases, types, `mailed`) and data/codebooks/leicestershire.json
// (item order, scales, labels). None of these numbers are survey results; see data/README.md.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED = 20090201;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WAVES = ['2006', '2009'];
const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast, well-mixed 32-bit PRNG (Tommy Ettinger, public domain). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(SEED);
const chance = (p) => rand() < p;
const uniform = (lo, hi) => lo + (hi - lo) * rand();
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
/** Box–Muller; two uniforms per call so the draw count stays fixed. */
function normal(sd = 1) {
  const u = 1 - rand();
  const v = rand();
  return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
function drawIndex(weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = rand() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------- CSV in and out

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** RFC 4180 quoting: quote fields holding a comma, quote, CR or LF, or with edge whitespace. */
function csvField(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (fields) => fields.map(csvField).join(',');

// ---------------------------------------------------------------- inputs

function loadAreas() {
  const [header, ...rows] = parseCsv(readFileSync(join(ROOT, 'data/areas.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const col = (name) => header.indexOf(name);
  return rows.map((r) => ({
    code: r[col('code')],
    name: r[col('name')],
    aliases: r[col('aliases')] ? r[col('aliases')].split(/[|;]/).map((a) => a.trim()) : [],
    type: r[col('type')],
    mailed: Number(r[col('mailed')]),
  }));
}

const codebook = JSON.parse(readFileSync(join(ROOT, 'data/codebooks/leicestershire.json'), 'utf8'));
const areas = loadAreas();
for (const a of areas) {
  if (!Number.isInteger(a.mailed) || a.mailed <= 0)
    throw new Error(`data/areas.csv: ${a.code} has no usable mailed count`);
}

// ---------------------------------------------------------------- population and response model

// Census-like adult age profile (16+), then shifted by area type: rural areas older, deprived ones younger.
const BASE_AGE = [0.13, 0.15, 0.18, 0.17, 0.15, 0.12, 0.1];
const AGE_SHIFT = {
  rural: [0.8, 0.8, 0.95, 1.05, 1.15, 1.2, 1.1],
  deprived: [1.15, 1.2, 1.05, 0.95, 0.9, 0.9, 0.95],
  average: [1, 1, 1, 1, 1, 1, 1],
};
// Postal-return propensity by age band and by sex: older people and women send more forms back.
const AGE_PROPENSITY = [0.6, 0.68, 0.82, 0.95, 1.18, 1.32, 1.27];
const FEMALE_PROPENSITY = 1.33;
// Response rate range by area type (returns / mailed).
const RESPONSE_RATE = { deprived: [0.25, 0.31], average: [0.3, 0.36], rural: [0.34, 0.4] };

/** Round shares to 4 decimals as integer ten-thousandths; the last category takes the remainder so they sum to 1. */
function toTenThousandths(shares) {
  const total = shares.reduce((s, x) => s + x, 0);
  const units = shares.map((x) => Math.round((x / total) * 10000));
  units[units.length - 1] = 10000 - units.slice(0, -1).reduce((s, x) => s + x, 0);
  return units;
}

// Effects are in probability points on P(positive | substantive answer), summed, then clamped.
const AGE_STRONG = [-0.12, -0.08, -0.04, -0.01, 0.03, 0.06, 0.08];
// Belonging to the neighbourhood rises most with age: this is what makes raking to age visibly move NI2.
const AGE_BELONG = [-0.16, -0.11, -0.05, -0.01, 0.04, 0.08, 0.1];
const AGE_MILD = AGE_STRONG.map((x) => x / 2);
const AGE_NONE = AGE_STRONG.map(() => 0);
const AGE_FORMAL = [-0.04, -0.03, -0.01, 0, 0.01, 0.03, 0];
const AGE_INFORMAL = [0.02, 0.01, 0.03, 0.02, 0, -0.02, -0.06];

/**
 * Per item: p = P(positive) for an average-type area, 2009, at age effect 0; type = shift by area type;
 * age = shift by age band; female = shift for women; wave2006 = shift in 2006 (2009 minus 2006 = -wave2006);
 * dk = share answering the scale's Don't know; blank = share leaving it blank; top = P(code 1 | positive);
 * latent = weight of the respondent's general outlook (correlates the social items); area = sd of area effect.
 */
const MODEL = {
  belong_neighbourhood: {
    p: 0.785,
    type: { rural: 0.08, deprived: -0.09 },
    age: AGE_BELONG,
    wave2006: -0.03,
    dk: 0.02,
    blank: 0.02,
    top: 0.42,
    latent: 1,
    area: 0.025,
  },
  belong_county: {
    p: 0.69,
    type: { rural: -0.06, deprived: 0.05 },
    age: AGE_MILD,
    wave2006: -0.01,
    dk: 0.03,
    blank: 0.025,
    top: 0.35,
    latent: 0.6,
    area: 0.02,
  },
  belong_england: {
    p: 0.87,
    type: {},
    age: AGE_MILD,
    wave2006: -0.005,
    dk: 0.02,
    blank: 0.025,
    top: 0.55,
    latent: 0.4,
    area: 0.015,
  },
  belong_britain: {
    p: 0.815,
    type: {},
    age: AGE_MILD,
    wave2006: 0,
    dk: 0.025,
    blank: 0.03,
    top: 0.5,
    latent: 0.4,
    area: 0.015,
  },
  friendly_place: {
    p: 0.82,
    type: { rural: 0.09, deprived: -0.1 },
    age: AGE_STRONG,
    wave2006: -0.01,
    dk: 0.03,
    blank: 0.02,
    top: 0.38,
    latent: 1,
    area: 0.025,
  },
  keep_eye: {
    p: 0.858,
    type: { rural: 0.08, deprived: -0.09 },
    age: AGE_MILD,
    wave2006: -0.01,
    dk: 0.025,
    blank: 0.025,
    top: 0.45,
    latent: 1,
    area: 0.02,
  },
  call_police: {
    p: 0.798,
    type: { rural: 0.08, deprived: -0.1 },
    age: AGE_MILD,
    wave2006: 0,
    dk: 0.06,
    blank: 0.03,
    top: 0.4,
    latent: 1,
    area: 0.02,
  },
  backgrounds_get_on: {
    p: 0.62,
    type: { rural: 0.04, deprived: -0.08 },
    age: AGE_MILD,
    wave2006: -0.02,
    dk: 0.09,
    blank: 0.035,
    top: 0.25,
    latent: 0.8,
    area: 0.03,
  },
  trust_general: {
    p: 0.314,
    type: { rural: 0.08, deprived: -0.08 },
    age: AGE_MILD,
    female: -0.02,
    wave2006: 0,
    dk: 0.035,
    blank: 0.025,
    top: 1,
    latent: 0.8,
    area: 0.02,
  },
  trust_neighbours: {
    p: 0.42,
    type: { rural: 0.07, deprived: -0.09 },
    age: AGE_STRONG,
    wave2006: -0.01,
    dk: 0.08,
    blank: 0.03,
    top: 0.4,
    latent: 1,
    area: 0.025,
  },
  // The seed: help from a neighbour "remains unaffected by the area"; the wallet item "highly dependent" on it.
  help_neighbour: {
    p: 0.877,
    type: { rural: 0.02, deprived: -0.02 },
    age: AGE_MILD,
    wave2006: -0.005,
    dk: 0.04,
    blank: 0.02,
    top: 0.5,
    latent: 0.8,
    area: 0.015,
  },
  wallet_returned: {
    p: 0.58,
    type: { rural: 0.08, deprived: -0.1 },
    age: AGE_MILD,
    wave2006: 0,
    dk: 0.1,
    blank: 0.025,
    top: 0.3,
    latent: 0.8,
    area: 0.025,
  },
  influence_decisions: {
    p: 0.3,
    type: {},
    age: AGE_NONE,
    wave2006: -0.015,
    dk: 0.12,
    blank: 0.04,
    top: 0.2,
    latent: 0.5,
    area: 0.02,
  },
  influence_alone: {
    p: 0.218,
    type: {},
    age: AGE_NONE,
    wave2006: 0,
    dk: 0.1,
    blank: 0.045,
    top: 0.2,
    latent: 0.4,
    area: 0.015,
  },
  influence_group: {
    p: 0.62,
    type: {},
    age: AGE_NONE,
    wave2006: -0.01,
    dk: 0.12,
    blank: 0.045,
    top: 0.3,
    latent: 0.4,
    area: 0.02,
  },
  volunteer_formal: {
    p: 0.25,
    type: {},
    age: AGE_FORMAL,
    wave2006: 0,
    dk: 0,
    blank: 0.03,
    top: 1,
    latent: 0.3,
    area: 0.01,
  },
  volunteer_informal: {
    p: 0.65,
    type: {},
    age: AGE_INFORMAL,
    female: 0.04,
    wave2006: -0.005,
    dk: 0,
    blank: 0.03,
    top: 1,
    latent: 0.3,
    area: 0.01,
  },
};
const LATENT_SD = 0.06;
const P98 = 0.005;
const P99 = 0.005;
const P_LABEL = 0.03;
// backgrounds_get_on codes 6 (too few people) and 7 (all same background), by area type.
const BG_EXCLUDED = { rural: [0.07, 0.08], average: [0.02, 0.03], deprived: [0.01, 0.01] };
const P_COMMENT = 0.05;
const P_AGE_BLANK = 0.01;
const P_SEX_BLANK = 0.008;
const P_AREA_AS_NAME = 0.15;

const items = codebook.items.map((item) => {
  const model = MODEL[item.id];
  if (!model) throw new Error(`no response model for codebook item ${item.id}`);
  const scale = codebook.scales[item.scale];
  const excluded = item.excluded.map((e) => e.code);
  const substantive = scale.map((s) => s.code).filter((c) => !excluded.includes(c));
  const positive = substantive.filter((c) => item.positive.includes(c));
  const negative = substantive.filter((c) => !item.positive.includes(c));
  const dkCode = item.excluded.find((e) => e.reason === 'dont-know')?.code;
  return { id: item.id, scale, positive, negative, dkCode, model };
});

// ---------------------------------------------------------------- free text

const COMMENTS = [
  'Good community spirit, but the buses are poor',
  'The "community centre" closed last year and nothing replaced it',
  'Lived here 40 years.\nMost of the neighbours I knew have moved away.',
  'Parking, litter, dogs - the usual',
  'Would like more for young people to do',
  'Café on the green has made a real difference',
  'Council tax £1,200 a year, and what for?',
  "I don't know my neighbours' names",
  'Not sure what "influence decisions" means',
  "The neighbourhood worker got the residents' group going again, thank you",
  'Too much traffic on the main road',
  'Friendly village, everyone says hello',
  'Some areas fine, others not.\nDepends which street.',
  'Questionnaire too long',
  'Happy here',
  'Street lights out for months, reported twice',
  'New estate built, lots of new faces',
  'Bus to Leicester stopped running after 6pm, so no evening activities',
];

const CASE_VARIANTS = [(s) => s, (s) => s, (s) => s.toLowerCase(), (s) => s.toUpperCase(), (s) => ` ${s}`];
const AREA_VARIANTS = [
  (s) => s,
  (s) => s.toLowerCase(),
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase().replace(/ /g, '-'),
  (s) => `${s}.`,
  (s) => `  ${s}`,
];

// ---------------------------------------------------------------- generation

// Area-level draws first, in registry order: population margins, response rates, area effects.
const areaPlan = areas.map((area) => {
  const shift = AGE_SHIFT[area.type] ?? AGE_SHIFT.average;
  const ageUnits = toTenThousandths(BASE_AGE.map((s, i) => s * shift[i] * (1 + normal(0.06))));
  const femaleShare = area.type === 'rural' ? uniform(0.505, 0.52) : uniform(0.5, 0.515);
  const sexUnits = toTenThousandths([1 - femaleShare, femaleShare]);
  const [lo, hi] = RESPONSE_RATE[area.type] ?? RESPONSE_RATE.average;
  const returns = WAVES.map(() => clamp(Math.round(area.mailed * uniform(lo, hi)), 120, 200));
  const effect = Object.fromEntries(items.map((it) => [it.id, normal(it.model.area)]));
  return { area, ageUnits, sexUnits, returns, effect };
});

function answer(item, ctx) {
  const m = item.model;
  if (chance(m.blank)) return '';
  if (chance(P98)) return '98';
  if (chance(P99)) return '99';
  let code;
  if (item.id === 'backgrounds_get_on') {
    const [p6, p7] = BG_EXCLUDED[ctx.type] ?? BG_EXCLUDED.average;
    const r = rand();
    if (r < p6) code = 6;
    else if (r < p6 + p7) code = 7;
  }
  if (code === undefined && item.dkCode !== undefined && chance(m.dk)) code = item.dkCode;
  if (code === undefined) {
    const p = clamp(
      m.p +
        (m.type[ctx.type] ?? 0) +
        m.age[ctx.ageIndex] +
        (ctx.female ? (m.female ?? 0) : 0) +
        (ctx.wave === '2006' ? m.wave2006 : 0) +
        ctx.effect[item.id] +
        m.latent * ctx.latent,
      0.02,
      0.98,
    );
    if (chance(p)) code = item.positive.length === 1 || chance(m.top) ? item.positive[0] : item.positive[1];
    else code = item.negative.length === 1 ? item.negative[0] : chance(0.62) ? item.negative[0] : item.negative[1];
  }
  if (chance(P_LABEL)) return pick(CASE_VARIANTS)(item.scale.find((s) => s.code === code).label);
  return String(code);
}

function neighbourhoodCell(area) {
  if (!chance(P_AREA_AS_NAME)) return area.code;
  return pick(AREA_VARIANTS)(pick([area.name, area.name, ...area.aliases]));
}

function makeWave(wave, w) {
  const rows = [];
  for (const plan of areaPlan) {
    const { area, ageUnits, sexUnits } = plan;
    const ageWeights = ageUnits.map((u, i) => u * AGE_PROPENSITY[i]);
    const femaleWeight = sexUnits[1] * FEMALE_PROPENSITY;
    for (let k = 1; k <= plan.returns[w]; k++) {
      const ageIndex = drawIndex(ageWeights);
      const female = rand() * (femaleWeight + sexUnits[0]) < femaleWeight;
      const ctx = { type: area.type, ageIndex, female, wave, effect: plan.effect, latent: normal(LATENT_SD) };
      const answers = items.map((it) => answer(it, ctx));
      const ageCell = chance(P_AGE_BLANK) ? '' : AGE_BANDS[ageIndex];
      const sexCell = chance(P_SEX_BLANK) ? '' : female ? 'Female' : 'Male';
      const comment = chance(P_COMMENT) ? pick(COMMENTS) : '';
      const id = `${wave.slice(2)}-${area.code.replace('-', '')}-${String(k).padStart(3, '0')}`;
      rows.push([id, wave, neighbourhoodCell(area), ageCell, sexCell, ...answers, comment]);
    }
  }
  // Returns arrive in no particular order: shuffle (Fisher–Yates) so files are not grouped by area.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** Raking needs every (area, wave, age band) and (area, wave, sex) cell to hold respondents. */
function checkCells(wave, rows) {
  const seen = new Set(
    rows.map((r) => `${r[0].split('-')[1]}|${r[3]}`).concat(rows.map((r) => `${r[0].split('-')[1]}|${r[4]}`)),
  );
  for (const { code } of areas) {
    for (const cat of [...AGE_BANDS, 'Male', 'Female']) {
      if (!seen.has(`${code.replace('-', '')}|${cat}`))
        throw new Error(`wave ${wave}: ${code} has no respondent in ${cat}; change SEED`);
    }
  }
}

const header = ['respondent_id', 'wave', 'neighbourhood', 'age_band', 'sex', ...items.map((i) => i.id), 'comments'];
mkdirSync(join(ROOT, 'data/samples'), { recursive: true });
WAVES.forEach((wave, w) => {
  const rows = makeWave(wave, w);
  checkCells(wave, rows);
  writeFileSync(join(ROOT, `data/samples/wave-${wave}.csv`), [header, ...rows].map(csvLine).join('\n') + '\n');
  process.stdout.write(`data/samples/wave-${wave}.csv: ${rows.length} returns\n`);
});

const margins = [['variable', 'category', 'share', 'scope']];
for (const { area, ageUnits, sexUnits } of areaPlan) {
  AGE_BANDS.forEach((band, i) => margins.push(['age_band', band, (ageUnits[i] / 10000).toFixed(4), area.code]));
  ['Male', 'Female'].forEach((sex, i) => margins.push(['sex', sex, (sexUnits[i] / 10000).toFixed(4), area.code]));
}
mkdirSync(join(ROOT, 'data/margins'), { recursive: true });
writeFileSync(join(ROOT, 'data/margins/leicestershire-areas.csv'), margins.map(csvLine).join('\n') + '\n');
process.stdout.write(`data/margins/leicestershire-areas.csv: ${areas.length} areas\n`);
process.stdout.write(
  `returns per area (2006, 2009): ${areaPlan.map((p) => `${p.area.code} ${p.returns.join('/')}`).join(', ')}\n`,
);
