/**
 * Runs `kamurj link` or `kamurj population generate` in this process (before they are registered in
 * the CLI), with real standard output, and reports wall time and peak RSS as JSON on standard error:
 *
 *   npx tsx bench/linkage/run-command.ts link --input a.csv --id id --field …
 *   npx tsx bench/linkage/run-command.ts population generate --size 1000 --seed 1
 */
import { linkCommand } from '../../packages/cli/src/commands/link.ts';
import { populationGenerateCommand } from '../../packages/cli/src/commands/population.ts';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const command = argv[0] === 'link' ? linkCommand : argv[0] === 'population' && argv[1] === 'generate' ? populationGenerateCommand : undefined;
  if (!command) {
    process.stderr.write('usage: run-command.ts link … | population generate …\n');
    process.exit(2);
  }
  const rest = argv.slice(command.path.length);
  const started = performance.now();
  let pending = Promise.resolve();
  const code = await command.run(rest, {
    readStdin: async () => '',
    stdout: (t) => {
      if (!process.stdout.write(t)) pending = new Promise((r) => process.stdout.once('drain', () => r()));
    },
    stderr: (t) => void process.stderr.write(t),
  });
  await pending;
  const seconds = (performance.now() - started) / 1000;
  if (process.env.KAMURJ_BENCH_REPORT) {
    process.stderr.write(`KAMURJ_BENCH ${JSON.stringify({ seconds, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), code })}\n`);
  }
  process.exitCode = code;
}

void main();
