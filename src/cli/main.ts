/**
 * clv-kit's command-line entry: dispatches to a command, turns failures into a one-line message
 * and an exit status (1 data error, 2 usage error). `run` takes its streams as arguments so it can
 * be driven in-process; `main` wires it to the real process.
 */
import { parseCommand } from './args.js';
import type { Command } from './commands/context.js';
import { CliError, EXIT_DATA, EXIT_OK, EXIT_USAGE } from './errors.js';
import { COMMAND_HELP, COMMANDS, OVERVIEW_HELP, type CommandName } from './help.js';
import { OutputWriter, Reporter, type Streams } from './io.js';

// Loaded on demand, so --help and a mistyped command answer without loading the models and readers.
const HANDLERS: Record<CommandName, () => Promise<Command>> = {
  rfm: async () => (await import('./commands/rfm.js')).rfmCommand,
  fit: async () => (await import('./commands/fit.js')).fitCommand,
  predict: async () => (await import('./commands/predict.js')).predictCommand,
  deciles: async () => (await import('./commands/deciles.js')).decilesCommand,
};

const isCommand = (s: string): s is CommandName => (COMMANDS as readonly string[]).includes(s);

/** Help flags before a "--" end-of-options marker. */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function reportError(e: unknown, command: CommandName, streams: Streams): number {
  if (e instanceof CliError) {
    const where = ` ${e.command ?? command}`;
    streams.err.write(`clv-kit${where}: ${e.message}\n`);
    if (e.exitCode === EXIT_USAGE) streams.err.write(`Run "clv-kit${where} --help" for usage.\n`);
    return e.exitCode;
  }
  const err = e as Error;
  streams.err.write(`clv-kit: unexpected error: ${err?.stack ?? String(e)}\n`);
  return EXIT_DATA;
}

/** Runs one command line (without the program name) and returns the exit status. */
export async function run(argv: readonly string[], streams: Streams): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    streams.err.write(OVERVIEW_HELP);
    streams.err.write('\nclv-kit: a command is required.\n');
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    streams.out.write(OVERVIEW_HELP);
    return EXIT_OK;
  }
  if (!isCommand(first)) {
    streams.err.write(`clv-kit: unknown command "${first}"; the commands are ${COMMANDS.join(', ')}.\nRun "clv-kit --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    streams.out.write(COMMAND_HELP[first]);
    return EXIT_OK;
  }
  const reporter = new Reporter(streams.err);
  try {
    const handler = await HANDLERS[first]();
    const values = parseCommand(first, rest, handler.options);
    await handler.run({ values, out: new OutputWriter(streams.out), reporter });
    return EXIT_OK;
  } catch (e) {
    reporter.clearProgress();
    return reportError(e, first, streams);
  }
}

/** The process entry (bin/clv-kit.mjs): real argv and streams; a closed stdout (`| head`) ends quietly. */
export async function main(): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    throw e;
  });
  process.exitCode = await run(process.argv.slice(2), { out: process.stdout, err: process.stderr });
}
