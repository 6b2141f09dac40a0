import type { CliIo, Command } from '../command.ts';

/** Runs one command in-process with the given standard input; collects its output and JSON Lines. */
export async function runCommand(command: Command, stdin: string, args: readonly string[] = []) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readStdin: async () => stdin,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const code = await command.run(args, io);
  return {
    code,
    stdout,
    stderr,
    get lines() {
      return stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}
