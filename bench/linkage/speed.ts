/**
 * Linkage speed: `kamurj link` over a generated population (default 100,000 records, a quick run under
 * a minute; `--size 1000000` for the target run: ≤ 2 minutes with F1 ≥ 0.95), in a child process so
 * time and peak RSS are the command's own. Baseline in the same run: the pg_trgm self-join
 * (`%` at 0.3 + same birth date, GIN index) and a dmetaphone equi-join on a sample (`--baseline-size`,
 * default 20,000), with kamurj link on the same sample.
 *
 *   npx tsx bench/linkage/speed.ts [--size 100000] [--seed 1] [--baseline-size 20000]
 *
 * Writes bench/results/linkage-speed.{json,md}.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pairwiseQuality } from '../../packages/domain/src/linkage/index.ts';
import { PERSON_COLUMNS, personToRow, populationStream } from '../../packages/domain/src/population/index.ts';
import { baselineClusterPairs, CLUSTER_BASELINES } from './baseline-sql.ts';
import { argNumber, components, generatedDataset, GENERATED_LINK_ARGS, loadPeople, machine, ROOT, runLink, withScratchDb, writeResults } from './common.ts';

const SIZE = argNumber('--size', 100_000);
const SEED = argNumber('--seed', 1);
const BASELINE_SIZE = Math.min(SIZE, argNumber('--baseline-size', 20_000));
const HEAP_MB = 8192;

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

async function writePopulation(file: string, size: number): Promise<{ seconds: number; truth: Map<string, string> }> {
  const started = performance.now();
  const out = createWriteStream(file);
  const truth = new Map<string, string>();
  let buffer: string[] = [PERSON_COLUMNS.join(',')];
  for (const p of populationStream({ seed: SEED, size, country: 'ARM' })) {
    truth.set(p.id, p.entityId);
    buffer.push(Object.values(personToRow(p)).map(csvCell).join(','));
    if (buffer.length >= 10_000) {
      if (!out.write(`${buffer.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = [];
    }
  }
  out.write(`${buffer.join('\n')}\n`);
  await new Promise<void>((r) => out.end(() => r()));
  return { seconds: (performance.now() - started) / 1000, truth };
}

/** Runs kamurj link in a child process; returns its own figures and the clusters. */
async function linkInChild(input: string, output: string): Promise<{ seconds: number; maxRssMB: number; stats: Record<string, unknown>; wallSeconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', join(ROOT, 'bench/linkage/run-command.ts'), 'link', '--input', input, ...GENERATED_LINK_ARGS, '--stats'], {
    cwd: ROOT,
    env: { ...process.env, KAMURJ_BENCH_REPORT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(createWriteStream(output));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  if (code !== 0) throw new Error(`kamurj link exited ${code}: ${stderr}`);
  const bench = JSON.parse(/KAMURJ_BENCH (.*)/.exec(stderr)?.[1] ?? '{}') as { seconds: number; maxRssMB: number };
  const statsLine = stderr.split('\n').find((l) => l.startsWith('{"comparisons"')) ?? '{}';
  return { ...bench, stats: JSON.parse(statsLine) as Record<string, unknown>, wallSeconds: (performance.now() - started) / 1000 };
}

async function readClusters(file: string): Promise<Map<string, string>> {
  const clusters = new Map<string, string>();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const comma = line.indexOf(',');
    clusters.set(line.slice(0, comma), line.slice(comma + 1));
  }
  return clusters;
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kamurj-speed-'));
  try {
    const input = join(dir, 'population.csv');
    const output = join(dir, 'clusters.csv');
    const generation = await writePopulation(input, SIZE);
    const run = await linkInChild(input, output);
    const clusters = await readClusters(output);
    const ids = [...generation.truth.keys()];
    const q = pairwiseQuality(ids.map((id) => clusters.get(id) ?? id), ids.map((id) => generation.truth.get(id) as string));

    // Baseline and kamurj link on the same sample (the first BASELINE_SIZE records).
    const sampleFile = join(dir, 'sample.csv');
    await writePopulation(sampleFile, BASELINE_SIZE);
    const sample = generatedDataset(sampleFile, 'sample');
    const truth = sample.records.map((r) => r.entity);
    const ours = await runLink(sampleFile, GENERATED_LINK_ARGS);
    const ourQ = pairwiseQuality(sample.records.map((r) => ours.clusters.get(r.id) ?? r.id), truth);
    const baselines =
      (await withScratchDb(async (client, info) => {
        const t = performance.now();
        await loadPeople(client, sample.records);
        const load = (performance.now() - t) / 1000;
        const results = await baselineClusterPairs(client);
        return results.map((b) => {
          const c = components(sample.records.map((r) => r.id), b.pairs);
          const bq = pairwiseQuality(sample.records.map((r) => c.get(r.id) as string), truth);
          return { method: b.name, postgres: info.version, loadSeconds: round(load, 2), seconds: round(b.seconds, 2), precision: round(bq.precision), recall: round(bq.recall), f1: round(bq.f1) };
        });
      })) ?? [];

    const report = {
      date: new Date().toISOString(),
      command: `npx tsx bench/linkage/speed.ts --size ${SIZE} --seed ${SEED} --baseline-size ${BASELINE_SIZE}`,
      machine: machine(),
      target: { seconds: 120, f1: 0.95, size: 1_000_000 },
      full: {
        records: SIZE,
        inputMB: round(statSync(input).size / 2 ** 20, 1),
        generationSeconds: round(generation.seconds, 1),
        linkSeconds: round(run.seconds, 1),
        processWallSeconds: round(run.wallSeconds, 1),
        peakRssMB: run.maxRssMB,
        nodeHeapLimitMB: HEAP_MB,
        precision: round(q.precision),
        recall: round(q.recall),
        f1: round(q.f1),
        truePairs: q.truePairs,
        stats: run.stats,
        meetsTarget: SIZE >= 1_000_000 ? run.seconds <= 120 && q.f1 >= 0.95 : null,
      },
      sample: {
        records: BASELINE_SIZE,
        kamurj: { seconds: round(ours.seconds, 2), precision: round(ourQ.precision), recall: round(ourQ.recall), f1: round(ourQ.f1) },
        baselines,
        note: 'baseline seconds: index build + self-join (pairs returned); load not included',
      },
    };
    const f = report.full;
    const m = report.machine;
    const md = [
      '# Linkage speed: kamurj link on a generated population',
      '',
      `Run ${report.date}. Command: \`${report.command}\`. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}.`,
      '',
      `## kamurj link, ${SIZE.toLocaleString('en-US')} records (${f.inputMB} MB CSV)`,
      '',
      '| Link time (s) | Peak RSS (MB) | Precision | Recall | F1 | Comparisons | Target (≤ 120 s, F1 ≥ 0.95 at 1,000,000) |',
      '|---:|---:|---:|---:|---:|---:|---|',
      `| ${f.linkSeconds} | ${f.peakRssMB} | ${f.precision} | ${f.recall} | ${f.f1} | ${Number(f.stats.comparisons ?? 0).toLocaleString('en-US')} | ${f.meetsTarget === null ? 'n/a (run with --size 1000000)' : f.meetsTarget ? 'met' : 'not met'} |`,
      '',
      `Link time: reading the CSV, preparing, blocking, scoring, clustering and writing the output, in one process`,
      `(tsx start-up excluded; whole child process ${f.processWallSeconds} s). Generating the CSV took ${f.generationSeconds} s (not included).`,
      '',
      `## Same sample: kamurj link vs PostgreSQL baseline (${BASELINE_SIZE.toLocaleString('en-US')} records)`,
      '',
      SIZE > BASELINE_SIZE
        ? `The baseline runs on the first ${BASELINE_SIZE.toLocaleString('en-US')} records only (\`--baseline-size\`); it was not timed on all ${SIZE.toLocaleString('en-US')}.`
        : '',
      '',
      '| Method | Seconds | Precision | Recall | F1 |',
      '|---|---:|---:|---:|---:|',
      `| kamurj link | ${report.sample.kamurj.seconds} | ${report.sample.kamurj.precision} | ${report.sample.kamurj.recall} | ${report.sample.kamurj.f1} |`,
      ...baselines.map((b) => `| baseline: ${b.method} (PostgreSQL ${b.postgres.split(' ')[0]}) | ${b.seconds} | ${b.precision} | ${b.recall} | ${b.f1} |`),
      baselines.length === 0 ? `| baseline (${CLUSTER_BASELINES.join('; ')}) | PostgreSQL not available | | | |` : '',
      '',
      'Baseline seconds: trigram/phonetic index build and the self-join; loading the rows is not counted.',
      '',
    ].join('\n');
    writeResults('linkage-speed', report, md);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
