// The parsing layer alone: the byte scanner (src/ingest/byte-scanner.ts, from dist/) against papaparse streaming.
// usage: npm run build && node bench/scan.js [--size 1m] [--runs 5]
// Each mode runs in its own process (peak RSS by GNU time when /usr/bin/time exists); modes alternate every round.
// The "tally" modes do what ingest + aggregate must at least do: read wave, neighbourhood, weight and the 17 item
// codes of every row and add the weight to per-(wave, neighbourhood, item, code) sums. All tally modes must agree.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ensureFiles, fileFor, repoRoot } from './generate.js';

const self = fileURLToPath(import.meta.url);
const dist = (f) => pathToFileURL(path.join(repoRoot, 'dist/ingest', f)).href;
const FIRST_ITEM = 6;
const NITEMS = 17;

/** Tallies: key `${wave}|${area}` → Float64Array(NITEMS * 100) of Σw by item and code (code 0..99). */
function newTally() {
  return new Map();
}
function addRow(t, wave, area, w, codeOf) {
  const k = wave + '|' + area;
  let a = t.get(k);
  if (!a) t.set(k, (a = new Float64Array(NITEMS * 100)));
  for (let j = 0; j < NITEMS; j++) {
    const c = codeOf(FIRST_ITEM + j);
    if (c >= 0 && c < 100) a[j * 100 + c] += w;
  }
}
function checksum(t) {
  let s = 0;
  let n = 0;
  for (const [k, a] of [...t].sort(([x], [y]) => (x < y ? -1 : 1))) {
    n += k.length;
    for (let i = 0; i < a.length; i++) s += a[i] * ((i % 7) + 1);
  }
  return `${t.size}:${n}:${s.toFixed(6)}`;
}

async function papaparse(file, tally) {
  const Papa = (await import('papaparse')).default;
  const t = newTally();
  let rows = 0;
  await new Promise((resolve, reject) => {
    const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
    Papa.parse(stream, {
      delimiter: ',',
      skipEmptyLines: true,
      chunk: (res) => {
        for (const r of res.data) {
          if (rows++ === 0 || !tally) continue;
          addRow(t, r[1], r[2], Number(r[3]), (i) => {
            const v = r[i];
            return v === '' ? -1 : Number(v);
          });
        }
      },
      complete: resolve,
      error: reject,
    });
  });
  return { rows, sum: tally ? checksum(t) : '' };
}

async function scanRange(file, tally, range) {
  const { scanFile } = await import(dist('byte-scanner-file.js'));
  const t = newTally();
  let rows = 0;
  const res = await scanFile(
    file,
    {
      separator: 0x2c,
      onRecord: (r) => {
        if (r.line === 1 || !tally) return void rows++;
        rows++;
        addRow(t, r.fieldCached(1), r.fieldCached(2), r.fieldNumber(3), (i) => r.fieldInt(i));
      },
    },
    range,
  );
  if (res.fallback) throw new Error(`scanner fell back: ${JSON.stringify(res.fallback)}`);
  return { rows, t };
}

async function scanner(file, tally) {
  const { rows, t } = await scanRange(file, tally);
  return { rows, sum: tally ? checksum(t) : '' };
}

async function scannerWorkers(file, n) {
  const { splitFileRanges } = await import(dist('byte-scanner-split.js'));
  const { ranges } = await splitFileRanges(file, n);
  const parts = await Promise.all(
    ranges.map(
      (range) =>
        new Promise((resolve, reject) => {
          const w = new Worker(self, { workerData: { file, range } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const t = newTally();
  let rows = 0;
  for (const p of parts) {
    rows += p.rows;
    for (const [k, a] of p.t) {
      const b = t.get(k);
      if (!b) t.set(k, a);
      else for (let i = 0; i < a.length; i++) b[i] += a[i];
    }
  }
  return { rows, sum: checksum(t) };
}

async function readOnly(file) {
  let rows = 0;
  for await (const b of createReadStream(file, { highWaterMark: 1 << 20 }))
    for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) rows++;
  return { rows, sum: '' };
}

const MODES = {
  'read only (I/O floor)': (f) => readOnly(f),
  'papaparse stream, parse only': (f) => papaparse(f, false),
  'byte scanner, scan only': (f) => scanner(f, false),
  'papaparse stream + tally': (f) => papaparse(f, true),
  'byte scanner + tally': (f) => scanner(f, true),
  'byte scanner + tally, 2 workers': (f) => scannerWorkers(f, 2),
};

if (!isMainThread) {
  const { file, range } = workerData;
  const { rows, t } = await scanRange(file, true, range);
  parentPort.postMessage({ rows, t });
} else if (process.argv[2] === '--child') {
  const [, , , mode, file] = process.argv;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const r = await MODES[mode](file);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0); // all threads of the process
  process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, ...r }) + '\n');
} else {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
  const size = opt('--size', '1m');
  const runs = Number(opt('--runs', '5'));
  if (!existsSync(path.join(repoRoot, 'dist/ingest/byte-scanner.js'))) {
    console.error('dist/ingest/byte-scanner.js missing: run `npm run build` first');
    process.exit(2);
  }
  await ensureFiles([size], { log: console.error });
  const file = fileFor(size);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sc-scan-'));
  const gnuTime = existsSync('/usr/bin/time');
  const names = Object.keys(MODES);
  const samples = new Map(names.map((n) => [n, []]));
  for (let round = -1; round < runs; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + Math.max(round, 0)) % names.length];
      const rssFile = path.join(tmp, 'rss');
      const argv = [process.execPath, self, '--child', name, file];
      const r = spawnSync(
        gnuTime ? '/usr/bin/time' : argv[0],
        gnuTime ? ['-f', '%M', '-o', rssFile, ...argv] : argv.slice(1),
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      const out = JSON.parse(r.stdout.trim().split('\n').pop());
      out.rss = gnuTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
      if (round >= 0) samples.get(name).push(out);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(
    `\n${size} rows (${path.relative(process.cwd(), file)}), ${runs} runs after a warm-up; ` +
      'time inside the process, node start-up excluded\n',
  );
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| mode | median s | min s | CPU s (all threads) | peak RSS MiB | rows | tally checksum |');
  console.log('|---|---|---|---|---|---|---|');
  for (const n of names) {
    const s = samples.get(n);
    const rss = s[0].rss === null ? 'n/a' : med(s.map((x) => x.rss)).toFixed(0);
    const cpu = (med(s.map((x) => x.cpuMs)) / 1000).toFixed(3);
    console.log(
      `| ${n} | ${(med(s.map((x) => x.ms)) / 1000).toFixed(3)} | ` +
        `${(Math.min(...s.map((x) => x.ms)) / 1000).toFixed(3)} | ${cpu} | ${rss} | ${s[0].rows} | ${s[0].sum} |`,
    );
  }
  const sums = new Set(names.map((n) => samples.get(n)[0].sum).filter(Boolean));
  console.log(sums.size === 1 ? '\nall tally modes agree' : '\n!!!!!!!! TALLY MODES DISAGREE !!!!!!!!');
  process.exitCode = sums.size === 1 ? 0 : 1;
}
