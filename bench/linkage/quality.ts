/**
 * Linkage quality: `names score` on pairs and `kamurj link` on records, against the PostgreSQL baseline
 * (pg_trgm + unaccent at the default 0.3, dmetaphone), measured in the same run.
 *
 *   npx tsx bench/linkage/quality.ts [--size 20000] [--seed 1]
 *
 * Data: a generated population (ground truth from the generator) and the tuning data in
 * ../shared/datasets/linkage (FEBRL dataset1/2, splink fake_1000 and its labelled pairs; figures on them
 * are "tuning data": the weights and threshold were set looking at them).
 * Writes bench/results/linkage-quality.{json,md}.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCounts, LINK_THRESHOLD, pairwiseQuality, parseCsv, type PairwiseQuality } from '../../packages/domain/src/linkage/index.ts';
import { DEFAULT_THRESHOLD, parsePartialDate, prepareRecord, scorePrepared, type PreparedRecord } from '../../packages/domain/src/names/index.ts';
import { createRng, PERSON_COLUMNS, personToRow, populationStream } from '../../packages/domain/src/population/index.ts';
import { baselineClusterPairs, baselinePairs, PAIR_BASELINES } from './baseline-sql.ts';
import { argNumber, components, DATASETS, febrl, generatedDataset, loadPeople, machine, runLink, splinkFake, withScratchDb, writeResults, type BenchRecord, type Dataset } from './common.ts';

const SIZE = argNumber('--size', 20_000);
const SEED = argNumber('--seed', 1);
const SWEEP = [0.75, 0.8, 0.86, 0.9, 0.95];

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function writeGenerated(dir: string): string {
  const file = join(dir, 'generated.csv');
  const lines = [PERSON_COLUMNS.join(',')];
  for (const p of populationStream({ seed: SEED, size: SIZE, country: 'ARM' })) lines.push(Object.values(personToRow(p)).map(csvCell).join(','));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** All true pairs, plus as many same-surname non-matches (hard) and as many random non-matches. */
function pairSet(records: readonly BenchRecord[]): { pairs: [BenchRecord, BenchRecord][]; labels: boolean[] } {
  const rng = createRng(SEED);
  const byEntity = new Map<string, BenchRecord[]>();
  const bySurname = new Map<string, BenchRecord[]>();
  for (const r of records) {
    byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
    const s = r.surname.toLowerCase();
    if (s) bySurname.set(s, [...(bySurname.get(s) ?? []), r]);
  }
  const pairs: [BenchRecord, BenchRecord][] = [];
  const labels: boolean[] = [];
  const add = (a: BenchRecord, b: BenchRecord, match: boolean) => {
    pairs.push([a, b]);
    labels.push(match);
  };
  for (const group of byEntity.values()) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) add(group[i] as BenchRecord, group[j] as BenchRecord, true);
  const positives = pairs.length;
  const groups = [...bySurname.values()].filter((g) => g.length > 1);
  for (let n = 0, tries = 0; n < positives && tries < positives * 20; tries++) {
    const g = rng.pick(groups);
    const [a, b] = [rng.pick(g), rng.pick(g)];
    if (a.entity !== b.entity) {
      add(a, b, false);
      n++;
    }
  }
  for (let n = 0; n < positives; ) {
    const [a, b] = [rng.pick(records), rng.pick(records)];
    if (a.entity !== b.entity) {
      add(a, b, false);
      n++;
    }
  }
  return { pairs, labels };
}

function splinkLabelledPairs(ds: Dataset): { pairs: [BenchRecord, BenchRecord][]; labels: boolean[] } {
  const byId = new Map(ds.records.map((r) => [r.id, r] as const));
  const rows = parseCsv(readFileSync(join(DATASETS, 'splink-fake_1000_labels.csv'), 'utf8')).map((r) => r.fields);
  const h = rows[0] ?? [];
  const pairs: [BenchRecord, BenchRecord][] = [];
  const labels: boolean[] = [];
  for (const r of rows.slice(1)) {
    const [a, b] = [byId.get(r[h.indexOf('unique_id_l')] ?? ''), byId.get(r[h.indexOf('unique_id_r')] ?? '')];
    if (!a || !b) continue;
    pairs.push([a, b]);
    labels.push(Number(r[h.indexOf('clerical_match_score')]) >= 0.5);
  }
  return { pairs, labels };
}

const prepared = new Map<BenchRecord, PreparedRecord>();
function prep(r: BenchRecord): PreparedRecord {
  let p = prepared.get(r);
  if (!p) {
    p = prepareRecord({
      name: `${r.given} ${r.surname}`.trim(),
      birthDate: parsePartialDate(r.dob) ?? undefined,
      sex: r.sex === 'M' || r.sex === 'F' ? r.sex : undefined,
      nationality: r.nationality || undefined,
    });
    prepared.set(r, p);
  }
  return p;
}

function quality(predicted: readonly boolean[], labels: readonly boolean[]): PairwiseQuality {
  let tp = 0;
  let pp = 0;
  let t = 0;
  predicted.forEach((p, i) => ((tp += p && labels[i] ? 1 : 0), (pp += p ? 1 : 0), (t += labels[i] ? 1 : 0)));
  return fromCounts(t, pp, tp);
}

const fmt = (q: PairwiseQuality) => ({ precision: +q.precision.toFixed(4), recall: +q.recall.toFixed(4), f1: +q.f1.toFixed(4) });
const clusterQuality = (ds: Dataset, clusters: Map<string, string>) => pairwiseQuality(ds.records.map((r) => clusters.get(r.id) ?? r.id), ds.records.map((r) => r.entity));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kamurj-quality-'));
  try {
    const generated = generatedDataset(writeGenerated(dir), `generated ARM population (${SIZE.toLocaleString('en-US')} records, seed ${SEED})`);
    const datasets: { ds: Dataset; tuning: boolean; pairs: ReturnType<typeof pairSet>; pairNote: string }[] = [
      { ds: generated, tuning: false, pairs: pairSet(generated.records), pairNote: 'true pairs + same-surname and random non-matches' },
      ...[febrl(1), febrl(2)].map((ds) => ({ ds, tuning: true, pairs: pairSet(ds.records), pairNote: 'true pairs + same-surname and random non-matches' })),
    ];
    const splink = splinkFake();
    datasets.push({ ds: splink, tuning: true, pairs: splinkLabelledPairs(splink), pairNote: 'splink fake_1000_labels (clerical labels)' });

    const pairResults: object[] = [];
    const linkResults: object[] = [];
    const sweep: object[] = [];
    await withScratchDb(async (client, info) => {
      for (const { ds, tuning, pairs, pairNote } of datasets) {
        const ours = pairs.pairs.map(([a, b]) => scorePrepared(prep(a), prep(b), { explain: false }).score >= DEFAULT_THRESHOLD);
        const base = await baselinePairs(client, pairs.pairs);
        pairResults.push({
          dataset: ds.name,
          tuningData: tuning,
          pairs: pairs.pairs.length,
          matches: pairs.labels.filter(Boolean).length,
          pairNote,
          results: [
            { method: `names score ≥ ${DEFAULT_THRESHOLD}`, ...fmt(quality(ours, pairs.labels)) },
            ...PAIR_BASELINES.map((name, k) => ({ method: `baseline: ${name}`, ...fmt(quality(base.map((b) => b[k] as boolean), pairs.labels)) })),
          ],
        });

        const link = await runLink(ds.file, ds.linkArgs);
        await loadPeople(client, ds.records);
        const baselines = await baselineClusterPairs(client);
        const ids = ds.records.map((r) => r.id);
        linkResults.push({
          dataset: ds.name,
          tuningData: tuning,
          records: ds.records.length,
          results: [
            { method: `kamurj link (threshold ${LINK_THRESHOLD})`, seconds: +link.seconds.toFixed(2), ...fmt(clusterQuality(ds, link.clusters)) },
            ...baselines.map((b) => ({ method: `baseline: ${b.name}`, seconds: +b.seconds.toFixed(2), ...fmt(clusterQuality(ds, components(ids, b.pairs))) })),
          ],
        });
        for (const threshold of SWEEP) {
          const r = await runLink(ds.file, [...ds.linkArgs, '--threshold', String(threshold)]);
          sweep.push({ dataset: ds.name, threshold, ...fmt(clusterQuality(ds, r.clusters)) });
        }
      }
      (pairResults as { postgres?: string }[]).forEach((p) => (p.postgres = info.version));
    });

    const report = { date: new Date().toISOString(), command: `npx tsx bench/linkage/quality.ts --size ${SIZE} --seed ${SEED}`, machine: machine(), pairwise: pairResults, link: linkResults, thresholdSweep: sweep };
    type Row = { method: string; precision: number; recall: number; f1: number; seconds?: number };
    const table = (rows: Row[], time: boolean) => [
      `| Method | Precision | Recall | F1 |${time ? ' Seconds |' : ''}`,
      `|---|---:|---:|---:|${time ? '---:|' : ''}`,
      ...rows.map((r) => `| ${r.method} | ${r.precision} | ${r.recall} | ${r.f1} |${time ? ` ${r.seconds} |` : ''}`),
    ];
    const m = report.machine;
    const md = [
      '# Linkage quality: names score (pairs) and kamurj link (clusters) vs PostgreSQL baseline',
      '',
      `Run ${report.date}. Command: \`${report.command}\`. Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}.`,
      pairResults.length === 0 ? 'PostgreSQL was not available: no baseline and no figures (rerun with PostgreSQL at 127.0.0.1:5432).' : `Baseline on PostgreSQL ${(pairResults[0] as { postgres?: string }).postgres} (scratch database, pg_trgm + unaccent + fuzzystrmatch).`,
      'Datasets marked *tuning data* were used to set weights and threshold: their figures are not held-out results.',
      '',
      '## Pairwise: names score',
      '',
      ...(pairResults as { dataset: string; tuningData: boolean; pairs: number; matches: number; pairNote: string; results: Row[] }[]).flatMap((p) => [
        `### ${p.dataset}${p.tuningData ? ' (tuning data)' : ''}`,
        '',
        `${p.pairs.toLocaleString('en-US')} pairs, ${p.matches.toLocaleString('en-US')} matches (${p.pairNote}).`,
        '',
        ...table(p.results, false),
        '',
      ]),
      '## Clusters: kamurj link (pairwise precision/recall/F1 over the clusters)',
      '',
      ...(linkResults as { dataset: string; tuningData: boolean; records: number; results: Row[] }[]).flatMap((l) => [
        `### ${l.dataset}${l.tuningData ? ' (tuning data)' : ''}`,
        '',
        `${l.records.toLocaleString('en-US')} records.`,
        '',
        ...table(l.results, true),
        '',
      ]),
      '## kamurj link: threshold sweep (F1)',
      '',
      `| Dataset | ${SWEEP.join(' | ')} |`,
      `|---|${SWEEP.map(() => '---:').join('|')}|`,
      ...datasets.map(({ ds }) => `| ${ds.name} | ${SWEEP.map((t) => (sweep as { dataset: string; threshold: number; f1: number }[]).find((s) => s.dataset === ds.name && s.threshold === t)?.f1 ?? '–').join(' | ')} |`),
      '',
    ].join('\n');
    writeResults('linkage-quality', report, md);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
