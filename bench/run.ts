/**
 * `npm run bench`: the Node benchmarks, then the Chromium ones, a summary table on stdout, and the
 * report as bench-results/bench-<timestamp>.json and bench-results/latest.json.
 * Exit code 1 only when a benchmark errored or a result check failed, never for slowness.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMPOSER_ITERATIONS } from './composer-workload.js';
import { composerStepCount, runComposerSuite } from './composer-suite.js';
import { NodeSide } from './node-side.js';
import { Progress } from './progress.js';
import { REPORT_SCHEMA, buildEntries, buildSizeEntries, formatSummary, reportFileName, reportSucceeded, type BenchReport } from './report.js';
import { Runner, errorMessage } from './runner.js';
import { runSuite, stepCount, type SuiteOutcome } from './suite.js';
import { CALIBRATION_CUSTOMERS, SEED, SIZES, SPAN, type Mode } from './workload.js';

export const USAGE = `Usage: npm run bench [-- options]

Runs the benchmarks in Node and in headless Chromium and reports each figure as a ratio against a
baseline measured in the same run. Progress goes to stderr, the summary table to stdout; the report
is written to bench-results/bench-<timestamp>.json and bench-results/latest.json.

Options:
  --quick       smaller sizes (~100k transactions, fewer runs) for a smoke run
  --node-only   skip the Chromium benchmarks
  --only GROUPS run only these groups (comma-separated):
                  main      generator, DuckDB, queries, derivation, CLV fit, dashboard,
                            widget charts, bundle sizes
                  composer  the widget composer: its work per edit (Node), and an edit
                            until its preview has painted it (Chromium)
                (default: all groups)
  --help        this text

Environment:
  CHROME_PATH   Chromium binary (default /usr/bin/chromium); none is downloaded

Exit code: 0 when every benchmark ran and every result check agreed, 1 otherwise, 2 on bad usage.`;

export const GROUPS = ['main', 'composer'] as const;
export type Group = (typeof GROUPS)[number];

export interface CliOptions {
  mode: Mode;
  nodeOnly: boolean;
  /** The benchmark groups to run (--only), in GROUPS order. */
  groups: Group[];
}

function parseGroups(value: string | undefined): Group[] {
  if (value === undefined || value.trim() === '') throw new Error(`--only needs a group: ${GROUPS.join(', ')}`);
  const asked = value.split(',').map((g) => g.trim());
  for (const g of asked) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`unknown group "${g}" (groups: ${GROUPS.join(', ')})`);
  return GROUPS.filter((g) => asked.includes(g));
}

export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  const options: CliOptions = { mode: 'full', nodeOnly: false, groups: [...GROUPS] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') options.mode = 'quick';
    else if (a === '--node-only') options.nodeOnly = true;
    else if (a === '--only') options.groups = parseGroups(argv[++i]);
    else if (a.startsWith('--only=')) options.groups = parseGroups(a.slice('--only='.length));
    else if (a === '--help' || a === '-h') return 'help';
    else throw new Error(`unknown argument "${a}"`);
  }
  return options;
}

/** Runs everything and returns the process exit code. */
export async function main(argv: readonly string[], env: { root: string; findChromium: () => string | null }): Promise<number> {
  let cli: CliOptions | 'help';
  try {
    cli = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`bench: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (cli === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const sizes = SIZES[cli.mode];
  const composerIterations = COMPOSER_ITERATIONS[cli.mode];
  const main = cli.groups.includes('main');
  const composer = cli.groups.includes('composer');
  const started = new Date();
  const t0 = performance.now();
  const loadAtStart = os.loadavg()[0];
  const runner = new Runner(new Progress((main ? stepCount(!cli.nodeOnly) : 0) + (composer ? composerStepCount(!cli.nodeOnly) : 0)));
  process.stderr.write(
    `bench (${cli.mode}${main ? '' : `, only ${cli.groups.join(', ')}`}): ` +
      (main ? `~${sizes.targetTransactions.toLocaleString('en-US')} transactions, seed ${SEED}, ${SPAN.start}..${SPAN.end}\n` : 'no generated transactions\n'),
  );
  // Generous: a 1M-row run on the page takes seconds; this only gives up on a hung page.
  const runTimeoutMs = (cli.mode === 'quick' ? 5 : 10) * 60_000;

  let suite: SuiteOutcome = { environments: {}, customers: null, transactions: null };
  const harnessFault = (e: unknown) => {
    // A fault of the harness itself: still write what was measured.
    runner.error({ name: 'bench harness', environment: 'node' }, errorMessage(e));
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  };
  if (main) {
    try {
      suite = await runSuite(runner, { sizes, root: env.root, chromium: !cli.nodeOnly, findChromium: env.findChromium, runTimeoutMs });
    } catch (e) {
      harnessFault(e);
    }
  } else suite.environments.node = new NodeSide().info();
  // After the main group, whose page has closed by then: the composer page starts a server and browser of its own.
  if (composer) {
    try {
      const c = await runComposerSuite(runner, {
        iterations: composerIterations,
        root: env.root,
        chromium: !cli.nodeOnly,
        findChromium: env.findChromium,
        runTimeoutMs,
      });
      if (c.chromium && !suite.environments.chromium) suite.environments.chromium = c.chromium;
    } catch (e) {
      harnessFault(e);
    }
  }

  const finished = new Date();
  const loadAtEnd = os.loadavg()[0];
  const report: BenchReport = {
    schema: REPORT_SCHEMA,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    mode: cli.mode,
    config: {
      seed: SEED,
      start: SPAN.start,
      end: SPAN.end,
      targetTransactions: main ? sizes.targetTransactions : null,
      calibrationCustomers: CALIBRATION_CUSTOMERS,
      customers: suite.customers,
      transactions: suite.transactions,
      chromium: !cli.nodeOnly,
      groups: cli.groups.join(','),
      loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
      loadAverageAtEnd: Math.round(loadAtEnd * 100) / 100,
      ...(main ? Object.fromEntries(Object.entries(sizes.iterations).map(([k, v]) => [`iterations.${k}`, v])) : {}),
      ...(composer ? Object.fromEntries(Object.entries(composerIterations).map(([k, v]) => [`iterations.composer.${k}`, v])) : {}),
    },
    environments: suite.environments,
    entries: buildEntries(runner.measurements),
    sizes: buildSizeEntries(runner.sizes),
    checks: runner.checks,
    errors: runner.errors,
  };

  const dir = path.join(env.root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const file = path.join(dir, reportFileName(started));
  writeFileSync(file, json);
  writeFileSync(path.join(dir, 'latest.json'), json);

  const ok = reportSucceeded(report);
  process.stdout.write(`\n${formatSummary(report)}\n`);
  const cores = os.cpus().length;
  const busiest = Math.max(loadAtStart, loadAtEnd, ...report.entries.map((e) => e.loadAverage ?? 0));
  if (busiest > cores * 0.75) {
    process.stdout.write(
      `note: load average up to ${busiest.toFixed(1)} on ${cores} cores: other processes competed, so timings (and ratios across environments) are noisy\n`,
    );
  }
  process.stdout.write('\n');
  process.stdout.write(
    `report: ${path.relative(env.root, file)} (and bench-results/latest.json), ${(report.durationMs / 1000).toFixed(0)} s; ` +
      `${ok ? 'all benchmarks ran' : `${report.errors.length} error(s), ${report.checks.filter((c) => !c.ok).length} failed check(s)`}\n`,
  );
  return ok ? 0 : 1;
}
