// The benchmark: sc-survey analyse against the I/O floor and the peer analyses (DuckDB, pandas), which are not part of
// this repository: name their folder with ANCHORS_DIR or --anchors; without it the peers are skipped (with a note on
// how to get them) and only sc-survey is timed.
// usage: npm run bench -- [--sizes 10k,100k,1m] [--runs 5] [--tools sc-survey,io-floor,duckdb,pandas]
//                         [--anchors DIR] [--busy N] [--no-check] [--no-xlsx] [--md] [--json FILE]
// Unless --no-xlsx, a line of its own times sc-survey reading the 100k rows as an .xlsx workbook
// (peak RSS ≤ 300 MiB).
// --busy N runs N CPU hogs (`node -e 'for(;;){}'`) beside the whole run, for the goal that peak RSS stays inside
// 160 MiB when the machine is busy; they are stopped at the end.
// The goals table (issue 18) gives each goal's target, the measured ratio or figure, and by how much it is met or
// missed; the correctness check compares every weighted sum and percentage of sc-survey and the peers, same run.
// env:   ANCHORS_DIR   the folder of the peer scripts (duckdb_node.js, pandas_ref.py, node_readonly.js)
//        ANCHORS_NODE  folder where @duckdb/node-api@1.5.6-r.1 is installed (default /tmp/sc-survey-anchors)
//        PYTHON        an interpreter with pandas (default /usr/bin/python3, Debian's python3-pandas)
//        DUCKDB_THREADS DuckDB's thread count (default 2, as the issue's goals say)
// Needs GNU time (/usr/bin/time, Debian package `time`) for the children's peak RSS and CPU time; without it they
// show "n/a". CPU time (user + sys, all threads) is the figure least disturbed by other load on a shared machine.
// sc-survey runs from dist/: build it first (`npm run build`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureFiles, fileFor, repoRoot } from './generate.js';
import { ensureXlsx } from './xlsx.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
};
const sizes = opt('--sizes', '10k,100k,1m').split(',');
const runs = Math.max(1, Number(opt('--runs', '5')));
const wanted = new Set(opt('--tools', 'sc-survey,io-floor,duckdb,pandas').split(','));
const doCheck = !args.includes('--no-check');
const anchorsDir = opt('--anchors', process.env.ANCHORS_DIR ?? null);
const busy = Math.max(0, Number(opt('--busy', '0')));
const anchorsNode = process.env.ANCHORS_NODE ?? '/tmp/sc-survey-anchors';
const python = process.env.PYTHON ?? '/usr/bin/python3';
const duckdbThreads = process.env.DUCKDB_THREADS ?? '2';
const registry = path.join(repoRoot, 'data/areas.csv');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const log = (s) => process.stderr.write(s + '\n');
const loadAtStart = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');

/** Runs argv once; returns wall seconds, peak RSS in KiB (or null) and the exit status. */
function timed(argv, env = {}) {
  const rssFile = path.join(tmp, 'rss');
  const full = gnuTime ? [gnuTime, '-f', '%M %U %S', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let rss = null;
  let cpu = null;
  if (gnuTime && existsSync(rssFile)) {
    const [m, u, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rss = m;
    cpu = u + sys;
    rmSync(rssFile);
  }
  return { wall, rss, cpu, status: r.status, stderr: String(r.stderr ?? '') };
}

/** Why a peer script cannot run: no ANCHORS_DIR, or the script is not in it; null when it is there. */
function anchorsMissing(script) {
  if (anchorsDir === null)
    return (
      'the peer scripts are not in this repository: set ANCHORS_DIR (or pass --anchors DIR) to the folder holding ' +
      'duckdb_node.js, pandas_ref.py and node_readonly.js (docs/performance.md, "Reproduce")'
    );
  return existsSync(path.join(anchorsDir, script)) ? null : `no ${script} in ANCHORS_DIR=${anchorsDir}`;
}

const node = process.execPath;
const tools = [
  {
    name: 'sc-survey',
    out: (size) => path.join(tmp, `sc-${size}.json`),
    argv: (file, out) => [
      node,
      path.join(repoRoot, 'bin/sc-survey.js'),
      'analyse',
      file,
      '--by',
      'all,type,district,neighbourhood',
      '--format',
      'json',
      '-o',
      out,
    ],
    why: () => (existsSync(path.join(repoRoot, 'dist/cli.js')) ? null : 'dist/cli.js missing: run `npm run build`'),
  },
  {
    name: 'io-floor',
    out: () => null,
    argv: (file) => [node, path.join(anchorsDir, 'node_readonly.js'), file],
    why: () => anchorsMissing('node_readonly.js'),
  },
  {
    name: 'duckdb',
    out: (size) => path.join(tmp, `duckdb-${size}.csv`),
    argv: (file, out) => [node, path.join(anchorsDir, 'duckdb_node.js'), file, registry, out],
    env: { ANCHORS_NODE: anchorsNode, DUCKDB_THREADS: duckdbThreads },
    why: () =>
      anchorsMissing('duckdb_node.js') ??
      (existsSync(path.join(anchorsNode, 'node_modules/@duckdb/node-api'))
        ? null
        : `@duckdb/node-api not found in ANCHORS_NODE=${anchorsNode}; install it: ` +
          `mkdir -p ${anchorsNode} && cd ${anchorsNode} && npm init -y && npm install @duckdb/node-api@1.5.6-r.1`),
  },
  {
    name: 'pandas',
    out: (size) => path.join(tmp, `pandas-${size}.csv`),
    argv: (file, out) => [python, path.join(anchorsDir, 'pandas_ref.py'), file, registry, out],
    why: () =>
      anchorsMissing('pandas_ref.py') ??
      (spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0
        ? null
        : `${python} cannot import pandas (apt-get install python3-pandas)`),
  },
].filter((t) => wanted.has(t.name));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs each tool once as a warm-up, then `runs` rounds, rotating the order of the tools every round. */
function bench(list, size) {
  const samples = new Map(list.map((t) => [t.name, []]));
  for (let round = -1; round < runs; round++) {
    const order = list.map((_, i) => list[(i + Math.max(round, 0)) % list.length]);
    for (const t of order) {
      const r = timed(t.argv, t.env);
      if (r.status !== 0)
        throw new Error(`${t.name} failed on ${size} (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
      if (round >= 0) samples.get(t.name).push(r);
    }
  }
  return list.map((t) => {
    const s = samples.get(t.name);
    const rss = s.map((x) => x.rss).filter((x) => x !== null);
    const cpu = s.map((x) => x.cpu).filter((x) => x !== null);
    return {
      size,
      tool: t.name,
      wall: median(s.map((x) => x.wall)),
      min: Math.min(...s.map((x) => x.wall)),
      cpu: cpu.length ? median(cpu) : null,
      rssMiB: rss.length ? median(rss) / 1024 : null,
      runs: s.length,
    };
  });
}

// ---- the correctness check -------------------------------------------------------------------

function readPeerCsv(file) {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = head.split(',');
  const ix = (c) => cols.indexOf(c);
  return lines.map((l) => {
    const c = l.split(',');
    return {
      level: c[ix('level')],
      wave: c[ix('wave')],
      key: c[ix('key')],
      item: c[ix('item')],
      pos: Number(c[ix('pos')]),
      valid: Number(c[ix('valid')]),
      pct: Number(c[ix('pct')]),
    };
  });
}

/** Finds the estimates rows in sc-survey's JSON wherever they sit (objects with groupBy, group, indicator). */
function findEstimates(json) {
  const found = [];
  const walk = (v) => {
    if (Array.isArray(v)) {
      if (v.length && v.every((x) => x && typeof x === 'object' && 'groupBy' in x && 'indicator' in x && 'base' in x))
        found.push(...v);
      else v.forEach(walk);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(json);
  return found;
}

const LEVEL = { nbhd: 'neighbourhood', type: 'type', wave: 'all' };
const close = (a, b, rel) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Compares rows of two sources keyed by (level, wave, key, item); returns a list of mismatch strings. */
function compareRows(nameA, a, nameB, b) {
  const key = (r) => `${r.level}|${r.wave}|${r.key.toLowerCase()}|${r.item}`;
  const mb = new Map(b.map((r) => [key(r), r]));
  const bad = [];
  let compared = 0;
  for (const r of a) {
    const s = mb.get(key(r));
    mb.delete(key(r));
    if (!s) {
      if (r.valid > 0) bad.push(`${key(r)}: in ${nameA}, not in ${nameB}`);
      continue;
    }
    compared++;
    if (!close(r.valid, s.valid, 1e-9)) bad.push(`${key(r)}: base ${nameA}=${r.valid} ${nameB}=${s.valid}`);
    if (r.pos !== null && s.pos !== null && !close(r.pos, s.pos, 1e-9))
      bad.push(`${key(r)}: positive ${nameA}=${r.pos} ${nameB}=${s.pos}`);
    if (r.pct !== null && s.pct !== null && Math.abs(r.pct - s.pct) > 2e-6)
      bad.push(`${key(r)}: percent ${nameA}=${r.pct} ${nameB}=${s.pct}`);
  }
  for (const [k, s] of mb) if (s.valid > 0) bad.push(`${k}: in ${nameB}, not in ${nameA}`);
  return { compared, bad };
}

function check(size, available) {
  const sources = [];
  for (const t of available) {
    const out = t.out(size);
    if (!out || !existsSync(out)) continue;
    if (t.name.startsWith('sc-survey')) {
      const est = findEstimates(JSON.parse(readFileSync(out, 'utf8')));
      const rows = est
        .filter((e) => Object.values(LEVEL).includes(e.groupBy))
        .map((e) => ({
          level: Object.keys(LEVEL).find((k) => LEVEL[k] === e.groupBy),
          wave: String(e.wave),
          key: e.groupBy === 'all' ? 'ALL' : String(e.group),
          item: e.indicator,
          pos: e.positive,
          valid: e.base,
          pct: e.percent,
        }));
      if (!rows.length)
        log(`!! ${size}: no estimates rows with groupBy all/type/neighbourhood found in sc-survey's JSON`);
      const suppressed = rows.filter((r) => r.pct === null).length;
      if (suppressed)
        log(
          `   ${size}: ${suppressed} sc-survey estimates are suppressed (percent null); their bases are still compared`,
        );
      sources.push([t.name, rows]);
    } else sources.push([t.name, readPeerCsv(out)]);
  }
  const results = [];
  for (let i = 1; i < sources.length; i++) {
    const [na, a] = sources[0];
    const [nb, b] = sources[i];
    const { compared, bad } = compareRows(na, a, nb, b);
    results.push({ size, a: na, b: nb, compared, mismatches: bad.length });
    if (bad.length) {
      log(`\n!!!!!!!! MISMATCH ${size}: ${na} vs ${nb}: ${bad.length} of ${compared} rows differ !!!!!!!!`);
      for (const m of bad.slice(0, 15)) log(`   ${m}`);
    } else
      log(
        `   check ${size}: ${na} = ${nb} on ${compared} (level, wave, group, item) rows: ` +
          'weighted positive, base and percent',
      );
  }
  return results;
}

// ---- main ----------------------------------------------------------------------------------------

await ensureFiles(sizes, { log });
const hogs = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
process.on('exit', () => hogs.forEach((h) => h.kill()));
if (busy) log(`-- ${busy} CPU hog(s) running beside the benchmark (--busy)`);
if (!gnuTime) log('!! /usr/bin/time not found (Debian: apt-get install -y time): peak RSS will show n/a');

const available = [];
const skipped = new Map(); // reason → the tools it skips, so one missing folder is said once
for (const t of tools) {
  const why = t.why();
  if (why) skipped.set(why, [...(skipped.get(why) ?? []), t.name]);
  else available.push(t);
}
for (const [why, names] of skipped) log(`-- skipping ${names.join(', ')}: ${why}`);
// sc-survey's analyse lands separately: probe it once on the smallest file and skip it while it fails.
for (const sc of available.filter((t) => t.name.startsWith('sc-survey'))) {
  const probe = timed(sc.argv(fileFor(sizes[0]), path.join(tmp, 'probe.json')));
  if (probe.status !== 0) {
    log(`-- skipping ${sc.name}: \`analyse\` exits ${probe.status}: ${probe.stderr.trim().split('\n')[0] ?? ''}`);
    available.splice(available.indexOf(sc), 1);
  }
}
log(
  `tools: ${available.map((t) => t.name).join(', ')}; ${runs} timed runs after one warm-up, order rotated every round`,
);

const table = [];
const checks = [];
for (const size of sizes) {
  const file = fileFor(size);
  const list = available.map((t) => ({ ...t, argv: t.argv(file, t.out(size)) }));
  log(`running ${size} (${path.relative(process.cwd(), file)})…`);
  table.push(...bench(list, size));
  if (doCheck) checks.push(...check(size, available));
}

let startup = null;
if (wanted.has('sc-survey') && existsSync(path.join(repoRoot, 'dist/cli.js'))) {
  log('running start-up: sc-survey --help vs node -e 0…');
  startup = bench(
    [
      { name: 'sc-survey --help', argv: [node, path.join(repoRoot, 'bin/sc-survey.js'), '--help'] },
      { name: 'node -e 0', argv: [node, '-e', '0'] },
    ],
    'start-up',
  );
}

let xlsxRun = null;
if (wanted.has('sc-survey') && !args.includes('--no-xlsx') && existsSync(path.join(repoRoot, 'dist/cli.js'))) {
  await ensureFiles(['100k'], { log });
  const workbook = await ensureXlsx(fileFor('100k'), log);
  log('running xlsx 100k: sc-survey analyse on the 100k rows as an .xlsx workbook…');
  const out = path.join(tmp, 'sc-xlsx.json');
  const argv = [
    node,
    path.join(repoRoot, 'bin/sc-survey.js'),
    'analyse',
    workbook,
    '--by',
    'all,type,district,neighbourhood',
    '--format',
    'json',
    '-o',
    out,
  ];
  xlsxRun = bench([{ name: 'sc-survey (.xlsx)', argv }], 'xlsx 100k');
}

// ---- report --------------------------------------------------------------------------------------

const fmt = (x, d = 3) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const rows = [
  ['size', 'tool', 'median s', 'min s', 'CPU s (user+sys)', 'peak RSS MiB'],
  ...[...table, ...(xlsxRun ?? []), ...(startup ?? [])].map((r) => [
    r.size,
    r.tool,
    fmt(r.wall),
    fmt(r.min),
    fmt(r.cpu, 2),
    fmt(r.rssMiB, 0),
  ]),
];
const ratios = [];
const all = [...table, ...(startup ?? [])];
const get = (size, tool) => all.find((r) => r.size === size && r.tool === tool);
const ratio = (size, a, b, label = `${a} / ${b}`) => {
  const x = get(size, a);
  const y = get(size, b);
  if (x && y) ratios.push([size, label, fmt(x.wall / y.wall, 2), fmt(x.min / y.min, 2)]);
  return x && y ? { median: x.wall / y.wall, min: x.min / y.min } : null;
};
const goals = [];
/**
 * One row of the goals table: what, the target, the measured figure (ratios of medians, with the ratio of minima
 * beside them) and the verdict with its margin: "met (0.41× of the 0.5× allowed)" or "missed by 2.3×" (a ratio: how
 * many times the target), "missed by 12 MiB" (a figure).
 */
const goal = (what, value, limit, unit = '×') => {
  if (value === null || value === undefined) return;
  const v = typeof value === 'number' ? value : value.median;
  const ratio = unit === '×';
  const margin = ratio
    ? `${fmt(v / limit, 2)}× the target`
    : `${fmt(Math.abs(v - limit), 0)}${unit} ${v <= limit ? 'to spare' : 'over'}`;
  goals.push([
    what,
    `≤ ${limit}${unit}`,
    `${fmt(v, 2)}${unit}${typeof value === 'number' ? '' : ` (of minima ${fmt(value.min, 2)}${unit})`}`,
    v <= limit ? `met (${margin})` : `MISSED by ${ratio ? `${fmt(v / limit, 2)}×` : `${fmt(v - limit, 0)}${unit}`}`,
  ]);
};
for (const size of sizes) {
  if (get(size, 'sc-survey')) {
    const d = ratio(size, 'sc-survey', 'duckdb');
    const p = ratio(size, 'sc-survey', 'pandas');
    ratio(size, 'sc-survey', 'io-floor');
    if (size === '1m') {
      goal('1M rows: sc-survey / DuckDB', d, 0.5);
      goal('1M rows: sc-survey / pandas', p, 0.25);
    }
    if (size === '10k') goal('10k rows: sc-survey / DuckDB', d, 0.6);
  } else {
    ratio(size, 'duckdb', 'io-floor');
    ratio(size, 'pandas', 'duckdb');
  }
}
if (startup) goal('start-up: sc-survey --help / node -e 0', ratio('start-up', 'sc-survey --help', 'node -e 0'), 2);
const rss1m = get('1m', 'sc-survey')?.rssMiB;
const rss100k = get('100k', 'sc-survey')?.rssMiB;
if (rss1m) goal('1M rows: sc-survey peak RSS', rss1m, 160, ' MiB');
if (xlsxRun?.[0]?.rssMiB) goal('100k-row .xlsx: sc-survey peak RSS', xlsxRun[0].rssMiB, 300, ' MiB');
if (rss1m && rss100k) goal('peak RSS growth 100k → 1M, per row', ((rss1m - rss100k) * 2 ** 20) / 900_000, 64, ' B');

const md = args.includes('--md');
const print = (rs) => {
  const w = rs[0].map((_, j) => Math.max(...rs.map((r) => String(r[j]).length)));
  const line = (r) => (md ? `| ${r.join(' | ')} |` : r.map((c, j) => String(c).padEnd(w[j])).join('  '));
  console.log(line(rs[0]));
  console.log(md ? `|${rs[0].map(() => '---').join('|')}|` : w.map((n) => '-'.repeat(n)).join('  '));
  rs.slice(1).forEach((r) => console.log(line(r)));
};
const git = (a) => spawnSync('git', a, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
const load = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
const dirty = git(['status', '--porcelain', '--', 'src']).split('\n').filter(Boolean).length;
console.log(
  `\nsc-survey: commit ${git(['rev-parse', '--short', 'HEAD']) || '?'}` +
    `${dirty ? ` + ${dirty} uncommitted change(s) in src/` : ''} (dist/ as built)`,
);
console.log(
  `machine: ${os.cpus().length} vCPU (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
    `node ${process.version}, DuckDB threads ${duckdbThreads}; ` +
    `load average at the start ${loadAtStart}, at the end ${load}` +
    `${busy ? `; ${busy} CPU hog(s) beside it (--busy)` : ''}\n`,
);
print(rows);
if (ratios.length) {
  console.log('');
  print([['size', 'ratio (wall time)', 'of medians', 'of minima'], ...ratios]);
}
if (goals.length) {
  console.log('');
  print([['goal (issue 18)', 'target', 'measured', 'verdict'], ...goals]);
}
const bad = checks.filter((c) => c.mismatches);
if (doCheck)
  console.log(
    `\ncorrectness: ${
      checks.length
        ? bad.length
          ? `${bad.length} MISMATCHING comparisons (see stderr)`
          : `${checks.length} comparisons, all equal`
        : 'nothing to compare'
    }`,
  );
if (opt('--json', null))
  (await import('node:fs')).writeFileSync(
    opt('--json'),
    JSON.stringify({ table, xlsx: xlsxRun, startup, ratios, goals, checks, busy }, null, 2) + '\n',
  );
process.exitCode = bad.length ? 1 : 0;
