/**
 * The pipeline benchmark's report as Markdown (bench/results/border-pipeline.md): the run's settings and
 * database, the loads, CPU and PostgreSQL's time per crossing, the baselines and the targets of issue 4 §6.
 */
import type { LoadResult } from './pipeline-load.ts';
import type { machine } from '../linkage/common.ts';
import type { PgbenchResult, TrgmResult } from './pipeline-baselines.ts';
import type { BuildReport, BuildSizes } from './pipeline-data.ts';
import type { HitShare, KindSummary, MainThreadWait, StatementsPerCrossing, WalPerCrossing } from './pipeline-measures.ts';
import { KINDS } from './pipeline-travellers.ts';

/** The report of a run as bench/results/border-pipeline.md shows it. */
export function markdown(r: {
  command: string;
  date: string;
  machine: ReturnType<typeof machine> & { postgres: string; nodeFlags: string[] };
  serverSettings: Record<string, string>;
  scheduling: { postgres: string | null; node: string | null };
  sizes: BuildSizes;
  build: BuildReport;
  travellers: Record<string, number>;
  prewarm: { mb: number; seconds: number };
  statisticsQueueEmptied: number;
  warmupSeconds: number;
  warmupLoopMaxMs: number;
  warmLoop: { seconds: number; perSecond: number } | null;
  screening: string;
  load: { closed: number[]; open: number[]; sustained: number[]; baselines: number[] };
  roundTrip: { before: number; after: number };
  closed: LoadResult & { concurrency: number; nodeCpuMsPerCrossing: number; nodeThreadsMsPerCrossing: { main: number; busiestOther: number; rest: number } | null; mainThread: MainThreadWait | null; pgCpuMsPerCrossing: number | null; ioPerCrossing: { writes: number; bytesWritten: number; reads: number; bytesRead: number } | null; threadMessages?: { perCrossing: number; screeningsPerMessage: number }; statements: StatementsPerCrossing | null };
  byKind: { closed: KindSummary; open: KindSummary };
  screened: HitShare;
  open: LoadResult & { rate: number; wal: WalPerCrossing | null; mainThread: MainThreadWait | null };
  sustained: (LoadResult & { rate: number }) | null;
  /** Database connections opened during each loop (ADR 0526); absent in reports from before it. */
  connectionsOpened?: { closed: number; open: number; sustained: number };
  baselines: { pgbench: PgbenchResult[]; trgm: TrgmResult };
  ratios: { closedOverPgbench1: number; closedOverPgbenchN: number };
  targets: { sustained: { met: boolean }; p99At500: { met: boolean } };
}): string {
  const n = (x: number) => x.toLocaleString('en');
  const lr = (name: string, x: LoadResult, loadAvg: number[]) => `| ${name} | ${n(x.completed)} | ${n(x.perSecond)} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.max} | ${Object.entries(x.errors).map(([k, v]) => `${k}: ${v}`).join(', ') || '0'} | ${loadAvg.join(' ')} |`;
  const built = Object.entries(r.build.built).map(([k, v]) => `${k} ${n(v.rows)} rows in ${v.seconds} s`).join('; ');
  return `# Border pipeline: one traveller end to end

\`${r.command}\` — ${r.date.slice(0, 16)}, ${r.machine.cpu} (${r.machine.cores} cores, ${r.machine.memoryGB} GB), Node ${r.machine.node}${r.machine.nodeFlags.length ? ` (${r.machine.nodeFlags.join(' ')}, as \`npm start\`)` : ''}, PostgreSQL ${r.machine.postgres} (${Object.entries(r.serverSettings).map(([k, v]) => `${k} ${v}`).join(', ')}; ADR 0513); scheduling policy of PostgreSQL's processes ${r.scheduling.postgres ?? 'not read (not on this machine)'}, of Node's main thread ${r.scheduling.node ?? 'not read'} (ADR 0519).

Database: ${n(r.sizes.persons)} persons, ${n(r.build.crossings)} historical crossings (${n(r.build.personsWithCrossings)} persons with a stay position), ${n(r.sizes.watchlist)} watchlist/entry-ban entries, ${n(r.sizes.documents)} lost/stolen documents. ${built ? `Built this run: ${built}.` : 'Reused from an earlier run.'}
Travellers (MRZ as read at the post, no person id): ${Object.entries(r.travellers).map(([k, v]) => `${k} ${n(v)}`).join(', ')}. Each request: zod validation, idempotency, MRZ parse, person match, screening, history, stay, one statement that commits on its own, or a transaction (shared by the crossings written together, ADR 0507, 0511), with the crossing, stay position, (new persons) registration, audit row(s), idempotent answer.
Before the loops, ${n(r.prewarm.mb)} MB of the database's tables and indexes were read into the operating system's cache (pg_prewarm \`read\`, ${r.prewarm.seconds} s; ADR 0511), as a server in service holds them, and the statistics worker's queue was emptied (${n(r.statisticsQueueEmptied)} travellers; its worker does not run here, ADR 0512). Warm-up ${r.warmupSeconds} s (includes preparing the screening index; screening ran ${r.screening === 'thread' ? 'in its worker thread' : 'on the event loop'}, ADR 0510, and the event loop was held at most ${r.warmupLoopMaxMs.toLocaleString('en')} ms at a time)${r.warmLoop ? `, then ${r.warmLoop.seconds} s of the closed loop's load, not measured (${n(r.warmLoop.perSecond)}/s), for V8's optimising compiler to settle (ADR 0522)` : ''}. Load average (1/5/15 min) before each phase in the last column: other work on the machine skews the figures. A \`SELECT 1\` round trip took ${r.roundTrip.before} ms (median) before the loads and ${r.roundTrip.after} ms after them: a shared machine's speed drifts (ADR 0513).

| Load | Crossings | Per second | p50 ms | p95 ms | p99 ms | max ms | Errors | Load avg |
|---|---:|---:|---:|---:|---:|---:|---|---|
${lr(`closed loop, ${r.closed.concurrency} concurrent`, r.closed, r.load.closed)}
${lr(`open loop, ${r.open.rate}/s (latency from scheduled send)`, r.open, r.load.open)}
${r.sustained ? lr(`open loop, ${r.sustained.rate}/s offered (sustained?)`, r.sustained, r.load.sustained) : ''}

Open loop: at most ${n(r.open.maxInFlight ?? 0)} requests were in flight at once; ${n(r.open.dropped ?? 0)} were not sent because one second of backlog (${n(r.open.rate)}) was already in flight (a miss).${r.sustained ? ` Sustained (ADR 0511: the closed loop's rate is bounded by its ${r.closed.concurrency} travellers in flight, not by the server): offered ${n(r.sustained.rate)}/s, the server completed ${n(r.sustained.perSecond)}/s, ${n(r.sustained.dropped ?? 0)} not sent for a second of backlog.` : ''}${r.connectionsOpened ? ` Database connections opened during the loops (all are opened before them and kept, ADR 0526): ${r.connectionsOpened.closed} in the closed loop, ${r.connectionsOpened.open} in the open loop${r.sustained ? `, ${r.connectionsOpened.sustained} in the sustained one` : ''}.` : ''}

CPU per crossing in the closed loop: Node ${r.closed.nodeCpuMsPerCrossing} ms (all its threads${r.closed.nodeThreadsMsPerCrossing ? `: main thread ${r.closed.nodeThreadsMsPerCrossing.main}, busiest other thread (screening) ${r.closed.nodeThreadsMsPerCrossing.busiestOther}, the others ${r.closed.nodeThreadsMsPerCrossing.rest}` : ''}), PostgreSQL ${r.closed.pgCpuMsPerCrossing ?? '–'} ms (user + system; PostgreSQL: every server process on the machine, from /proc). At 1,000 crossings/s on 2 cores the two together may take at most 2 ms.${r.closed.ioPerCrossing ? ` Node's system calls per crossing (the database connections and the screening thread's message signals, /proc/self/io): ${r.closed.ioPerCrossing.writes} writes of ${r.closed.ioPerCrossing.bytesWritten} bytes, ${r.closed.ioPerCrossing.reads} reads of ${r.closed.ioPerCrossing.bytesRead} bytes.` : ''}${r.closed.threadMessages ? ` Messages to the screening thread: ${r.closed.threadMessages.perCrossing} per crossing, ${r.closed.threadMessages.screeningsPerMessage} screenings in each (ADR 0525).` : ''} 

${r.closed.mainThread && r.open.mainThread ? `The main thread (the event loop, the pipeline's one serial stage; /proc schedstat), per crossing: in the closed loop ${r.closed.mainThread.runningMs} ms running and ${r.closed.mainThread.waitingMs} ms runnable but waiting for a core, the core taken from it ${r.closed.mainThread.preempted} times; in the open loop at ${r.open.rate}/s ${r.open.mainThread.runningMs} ms running, ${r.open.mainThread.waitingMs} ms waiting, ${r.open.mainThread.preempted} times.\n\n` : ''}${r.closed.statements ? statementTable(r.closed.statements) : 'PostgreSQL\'s time by statement: not measured (pg_stat_statements is not in the server\'s `shared_preload_libraries`).\n\n'}${r.open.wal ? `WAL in the open loop (pg_stat_wal): ${r.open.wal.kB} kB per crossing, ${r.open.wal.fullPages} full-page images per crossing (the first change of a page after a checkpoint copies the whole page; ADR 0512).\n\n` : ''}Screening in the two loops: ${n(r.screened.withListHit)} of ${n(r.screened.crossings)} crossings (${Math.round((100 * r.screened.withListHit) / Math.max(1, r.screened.crossings))} %) had a watchlist, entry-ban or document hit; ${r.screened.listHitsPerCrossing} such hits per crossing.

Time per traveller kind, from the actual send (ms; mean in the closed loop, p50 / p99 in the open loop):

| Kind | Closed: crossings | mean | Open: crossings | p50 | p99 |
|---|---:|---:|---:|---:|---:|
${KINDS.map((k) => `| ${k} | ${n(r.byKind.closed[k]!.count)} | ${r.byKind.closed[k]!.meanMs ?? '–'} | ${n(r.byKind.open[k]!.count)} | ${r.byKind.open[k]!.p50 ?? '–'} | ${r.byKind.open[k]!.p99 ?? '–'} |`).join('\n')}

Baselines, same database, same run (load ${r.load.baselines.join(' ')}):

| Baseline | Figure | Pipeline as a fraction |
|---|---:|---:|
| pgbench single-row INSERT, 1 client | ${n(r.baselines.pgbench[0]!.tps)} tps | ${r.ratios.closedOverPgbench1} |
| pgbench single-row INSERT, ${r.baselines.pgbench[1]!.clients} clients | ${n(r.baselines.pgbench[1]!.tps)} tps | ${r.ratios.closedOverPgbenchN} |
| pg_trgm \`%\` on ${n(r.baselines.trgm.nameForms)} listed name forms + document lookup, ${r.baselines.trgm.travellers} travellers, screening only | p50 ${r.baselines.trgm.p50} ms, p95 ${r.baselines.trgm.p95} ms, p99 ${r.baselines.trgm.p99} ms, ${n(r.baselines.trgm.perSecondOneConnection)}/s on one connection | — |

Targets (issue 4 §6): sustained ≥ 1,000 crossings/s — ${r.targets.sustained.met ? 'met' : 'not met'}${r.sustained ? ` (offered ${n(r.sustained.rate)}/s, completed ${n(r.sustained.perSecond)}/s)` : ' (no sustained phase run)'}; p99 ≤ 25 ms at 500/s — ${r.targets.p99At500.met ? 'met' : 'not met'} (at ${n(r.sizes.persons)} persons / ${n(r.build.crossings)} crossings).
`;
}

/** PostgreSQL's time in the closed loop by statement, per crossing (pg_stat_statements, when loaded). */
function statementTable(s: StatementsPerCrossing): string {
  return `PostgreSQL's time in the closed loop by statement (pg_stat_statements; per crossing, in a server process, waits included): ${s.execMs} ms executing and ${s.planMs} ms planning in all.

| Statement | Calls | Exec ms | Plan ms | Rows per call | Pages hit | Pages read | WAL kB | Full pages |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${s.statements.map((x) => `| ${x.label} | ${x.callsPerCrossing} | ${x.execMs} | ${x.planMs} | ${x.rowsPerCall} | ${x.hits} | ${x.reads} | ${x.walKB} | ${x.fpi} |`).join('\n')}

`;
}
