/**
 * The widget composer's benchmark steps: its core's work per edit in Node against compiling each
 * edit's query, and on a page of its own an edit (a mark change) until the preview has painted it
 * against a standalone `<clv-widget>` given the same spec. Contenders run interleaved, as in suite.ts.
 */
import { ComposerNodeSide } from './composer-node.js';
import { ComposerPageSide } from './composer-page-side.js';
import type { ComposerMarkRun } from './composer-protocol.js';
import { BUILD_SCRIPT, COMPOSER_CATALOG_ID, EDIT_SCRIPT, diffMarkRuns, type ComposerIterations, type MarkRun } from './composer-workload.js';
import type { EntryRef, EnvironmentInfo } from './report.js';
import type { Contender, Runner, Skipped } from './runner.js';
import { canonicalJson } from './widget-workload.js';

export const COMPOSER_NAMES = {
  edit: 'composer edit: history + explain + spec',
  editCompile: "composer edit: its query's semantic compile",
  preview: 'composer: mark change to painted preview, debounce subtracted',
  previewTotal: 'composer: mark change to painted preview, debounce included',
  previewEditor: 'composer: mark change to editor re-rendered',
  widget: 'widget: mark change to painted',
} as const;

export interface ComposerSuiteOptions {
  iterations: ComposerIterations;
  root: string;
  /** false: the Node benchmark only (--node-only). */
  chromium: boolean;
  findChromium: () => string | null;
  runTimeoutMs: number;
}

/** Steps shown as [i/n] progress lines. */
export const composerStepCount = (chromium: boolean): number => (chromium ? 4 : 1);

const nodeRef = (name: string): EntryRef => ({ name, environment: 'node' });
const pageRef = (name: string): EntryRef => ({ name, environment: 'chromium' });

const actionList = (script: readonly { type: string }[]) => script.map((a) => a.type).join(', ');

/** Runs the composer benchmarks; returns the composer page's environment when it started. */
export async function runComposerSuite(runner: Runner, options: ComposerSuiteOptions): Promise<{ chromium?: EnvironmentInfo }> {
  const it = options.iterations;
  const note = (message: string) => runner.progress.note(message);
  const out: { chromium?: EnvironmentInfo } = {};

  // 1. The composer core per edit, against the semantic compile of each edit's query.
  let node: ComposerNodeSide | undefined;
  let nodeDown: string | null = null;
  try {
    node = new ComposerNodeSide();
  } catch (e) {
    nodeDown = `the script failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  const edits = node?.edits ?? BUILD_SCRIPT.length + EDIT_SCRIPT.length;
  const queries = node?.queries.length ?? 0;
  const script = `${BUILD_SCRIPT.length} edits building catalog "${COMPOSER_CATALOG_ID}" on customer_clv (${actionList(BUILD_SCRIPT)}), then ${EDIT_SCRIPT.length} changing it (${actionList(EDIT_SCRIPT)})`;
  const perEdit = () => ({ count: 1, unit: 'edits' });
  const perQuery = () => ({ count: 1, unit: 'queries' });
  const [editRun] = await runner.compare<unknown>(
    `${'node'.padEnd(14)} ${COMPOSER_NAMES.edit} vs ${COMPOSER_NAMES.editCompile}`,
    node
      ? [
          {
            ref: nodeRef(COMPOSER_NAMES.edit),
            run: node.edit(it.editReplays),
            detail: `per edit: applyToHistory, then explainState and stateToSpec of the new state, over catalogModel(); ${script}; mean per edit over ${it.editReplays} replays of the script from an empty composer`,
            work: perEdit,
            baseline: nodeRef(COMPOSER_NAMES.editCompile),
            batch: it.editReplays * edits,
          },
          {
            ref: nodeRef(COMPOSER_NAMES.editCompile),
            run: node.compile(it.editReplays),
            detail: `planQuery + compileToSql of the query of each edit's spec (${queries} of the ${edits}: the spec after "chooseTable" alone has no query yet); mean per query over ${it.editReplays} replays`,
            work: perQuery,
            batch: it.editReplays * queries,
          },
        ]
      : [
          { ref: nodeRef(COMPOSER_NAMES.edit), skip: nodeDown ?? 'not started' },
          { ref: nodeRef(COMPOSER_NAMES.editCompile), skip: nodeDown ?? 'not started' },
        ],
    { iterations: it.edits },
  );
  if (node) {
    runner.check('composer script: every edit changes the state', node.unchangedEdits(), `${edits} edits, each a new state`);
    runner.check(`composer script: the first ${BUILD_SCRIPT.length} edits build catalogSpec('${COMPOSER_CATALOG_ID}')`, node.builtSpec(), 'equal as canonical JSON');
    const problems = node.finalProblems();
    runner.check('composer script: the edited widget has nothing missing', problems.length ? problems.join('; ') : null, `explainState reports nothing; ${queries} queries plan`);
    if (editRun) {
      const [a, b] = [canonicalJson(editRun.last), canonicalJson(node.finalSpec)];
      runner.check('composer script: the timed replays end on the same spec', a === b ? null : `timed ${a}, untimed ${b}`, 'equal as canonical JSON');
    }
  }

  if (!options.chromium) return out;

  // 2. The composer page: its own vite server and Chromium.
  const page = await runner.task(
    `${'chromium'.padEnd(14)} start the composer page (vite + playwright-core)`,
    [pageRef('start composer page')],
    async () => {
      const chromePath = options.findChromium();
      if (!chromePath) throw new Error('no Chromium found: install chromium or set CHROME_PATH');
      return ComposerPageSide.start({ root: options.root, chromePath, runTimeoutMs: options.runTimeoutMs, note });
    },
    (p) => `Chromium ${String(p.info.chromium)} at ${p.url}`,
  );
  try {
    if (page) out.chromium = page.info;
    let down: string | null = page ? null : 'the composer page did not start';
    const label = `${'chromium'.padEnd(14)} prepare the composer (untimed: catalog data, <clv-widget-composer>, standalone <clv-widget>)`;
    let debounceMs = 0;
    if (down || !page) runner.skip(label, [], down ?? 'the composer page did not start');
    else {
      const prepared = await runner.task(
        label,
        [pageRef('prepare composer')],
        () => page.prepare(),
        (r) =>
          `${r.clvRows.toLocaleString('en-US')} rows in customer_clv (generateCatalogData ${(r.dataMs / 1000).toFixed(1)} s), ` +
          `${r.rows} deciles drawn in a ${r.box.width}×${r.box.height} px widget, preview debounce ${r.debounceMs} ms`,
      );
      if (prepared) debounceMs = prepared.debounceMs;
      else down = 'the composer set-up failed';
    }

    // 3. A mark change: in the composer until its preview has painted it, and in a standalone widget.
    const composerRuns: ComposerMarkRun[] = [];
    const widgetRuns: MarkRun[] = [];
    const collect =
      <T>(into: T[], run: () => Promise<{ ms: number; value: T }>) =>
      async () => {
        const s = await run();
        into.push(s.value);
        return s;
      };
    const contenders: Array<Contender<MarkRun> | Skipped> =
      down || !page
        ? [
            { ref: pageRef(COMPOSER_NAMES.preview), skip: down ?? 'the composer page did not start' },
            { ref: pageRef(COMPOSER_NAMES.widget), skip: down ?? 'the composer page did not start' },
          ]
        : [
            {
              ref: pageRef(COMPOSER_NAMES.preview),
              run: collect<ComposerMarkRun>(composerRuns, page.composerMarkChange()),
              detail:
                `<clv-widget-composer> on catalogSpec('${COMPOSER_CATALOG_ID}') over a MemoryAdapter of catalogModel() (generateCatalogData): ` +
                "dispatchAction({type:'setMark'}) bar ⇄ line until the preview's <clv-widget> has rendered the new mark (its query, the chart), " +
                `minus the preview's fixed ${debounceMs} ms debounce (PREVIEW_DEBOUNCE_MS): reducer, explainState, the editor's and its parts' renders, the widget`,
              baseline: pageRef(COMPOSER_NAMES.widget),
            },
            {
              ref: pageRef(COMPOSER_NAMES.widget),
              run: collect(widgetRuns, page.widgetMarkChange()),
              detail: "a standalone <clv-widget> of the preview widget's size on the same adapter, given the composer's spec object of the other mark: from setting spec to rendered",
            },
          ];
    const [previewRun] = await runner.compare<MarkRun>(`${'chromium'.padEnd(14)} composer: mark change vs standalone widget`, contenders, {
      iterations: it.preview,
    });
    // The first run of each is the warm-up; the rest line up with the samples.
    if (previewRun && composerRuns.length === previewRun.samplesMs.length + 1) {
      const [warm, ...timed] = composerRuns;
      runner.record({
        name: COMPOSER_NAMES.previewTotal,
        environment: 'chromium',
        detail: `the same runs as "${COMPOSER_NAMES.preview}" with the preview's ${debounceMs} ms debounce left in: what a user waits from the edit to the new chart`,
        samplesMs: timed.map((r) => r.totalMs),
        warmupMs: warm!.totalMs,
        baseline: pageRef(COMPOSER_NAMES.widget),
      });
      runner.record({
        name: COMPOSER_NAMES.previewEditor,
        environment: 'chromium',
        detail: `during the same runs: from the dispatch until <clv-widget-composer> and each of its clv-composer-* parts had finished updating (before the debounce ends)`,
        samplesMs: timed.map((r) => r.editorMs),
        warmupMs: warm!.editorMs,
        baseline: pageRef(COMPOSER_NAMES.widget),
      });
    }
    if (composerRuns.length && widgetRuns.length) {
      const bars = composerRuns.find((r) => r.mark === 'bar');
      const lines = composerRuns.find((r) => r.mark === 'line');
      runner.check(
        'composer preview and standalone widget drew the same spec and marks (bar ⇄ line)',
        diffMarkRuns(composerRuns, widgetRuns),
        `${composerRuns.length + widgetRuns.length} runs; bar: ${bars?.paths ?? 0} bars for ${bars?.rows ?? 0} rows; line: ${lines?.paths ?? 0} line path(s)`,
      );
    }
  } finally {
    await page?.close();
  }
  return out;
}
