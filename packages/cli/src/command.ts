/** The contract every `kamurj <command>` implements; main.ts dispatches on the first argument(s). */
export interface CliIo {
  /** Whole standard input as UTF-8 text. */
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  /** Words after `kamurj`, e.g. ['mrz', 'parse'] or ['audit', 'verify']. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Full `--help` text. */
  readonly help: string;
  /** Returns the process exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
