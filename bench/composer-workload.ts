/**
 * What the widget composer benchmarks run, shared by the orchestrator, the Node side and the page:
 * the scripted edits that build "CLV by CLV decile" and then change it, their replay through the
 * composer's core, the queries the baseline compiles, the mark change on the page, and the checks.
 * DOM-free and Node-free.
 */
import { explainState, type ComposerProblem } from '../src/composer/explain.js';
import { valuesFilter } from '../src/composer/filters.js';
import { applyToHistory, startHistory, type HistoryAction } from '../src/composer/history.js';
import { emptyComposerState } from '../src/composer/state.js';
import { stateToSpec } from '../src/composer/to-spec.js';
import type { SemanticQueryInput } from '../src/contracts/query.js';
import type { DataModel } from '../src/contracts/data-model.js';
import { planQuery } from '../src/query/plan.js';
import { compileToSql } from '../src/query/sql.js';
import type { WidgetMark, WidgetSpec } from '../src/widgets/spec.js';
import { canonicalJson } from './widget-workload.js';
import type { Mode } from './workload.js';

export interface ComposerIterations {
  /** Timed samples of the per-edit benchmark and its compile baseline. */
  edits: number;
  /** Replays of the whole script per sample (each sample is the mean per edit over them). */
  editReplays: number;
  /** Timed mark changes in `<clv-widget-composer>` and in the standalone `<clv-widget>`. */
  preview: number;
}

export const COMPOSER_ITERATIONS: Record<Mode, ComposerIterations> = {
  full: { edits: 30, editReplays: 20, preview: 15 },
  quick: { edits: 15, editReplays: 10, preview: 7 },
};

/** The catalog widget the script builds and the page opens. */
export const COMPOSER_CATALOG_ID = 'clv-by-decile';

const T = 'customer_clv';

/** Edits that build the catalog's "CLV by CLV decile" from an empty composer, as the parts request them. */
export const BUILD_SCRIPT: readonly HistoryAction[] = [
  { type: 'chooseTable', table: T },
  { type: 'assign', channel: 'x', attribute: `${T}.clv_decile` },
  { type: 'assign', channel: 'y', attribute: `${T}.clv_total` },
  { type: 'addField', attribute: `${T}.clv_avg` },
  { type: 'addField', attribute: `${T}.customers` },
  { type: 'setOrder', order: [[`${T}.clv_decile`, 'asc']] },
  { type: 'setChannelTitle', channel: 'x', title: 'CLV decile (1 = top 10%)' },
  { type: 'setTitle', title: 'CLV by CLV decile' },
  { type: 'setDescription', description: 'Total CLV per decile; the tooltip adds the average and the number of customers.' },
  { type: 'setClick', click: { kind: 'filter' } },
];

/** Edits made to it afterwards: a mark change and back, a filter on the customers' tier, a new title, a number format, undo and redo. */
export const EDIT_SCRIPT: readonly HistoryAction[] = [
  { type: 'setMark', mark: 'line' },
  { type: 'addFilter', filter: valuesFilter('customers.loyalty_tier', ['Gold', 'Platinum']) },
  { type: 'setTitle', title: 'CLV by CLV decile, Gold and Platinum' },
  { type: 'setNumberFormat', format: '$,.0f' },
  { type: 'setMark', mark: 'bar' },
  { type: 'undo' },
  { type: 'redo' },
];

export const COMPOSER_SCRIPT: readonly HistoryAction[] = [...BUILD_SCRIPT, ...EDIT_SCRIPT];

/** What one edit leaves behind: whether the state changed, what explainState reported, and the spec. */
export interface EditStep {
  action: HistoryAction['type'];
  changed: boolean;
  problems: ComposerProblem[];
  spec: WidgetSpec;
}

/**
 * The composer's own work for every edit of the script, from an empty composer: applyToHistory,
 * then explainState and stateToSpec of the new state (what its controller derives once per state).
 */
export function replayScript(model: DataModel, script: readonly HistoryAction[] = COMPOSER_SCRIPT): EditStep[] {
  let h = startHistory(emptyComposerState());
  return script.map((action) => {
    const before = h.present;
    h = applyToHistory(h, action, model);
    return { action: action.type, changed: h.present !== before, problems: explainState(h.present, model), spec: stateToSpec(h.present) };
  });
}

/** The same work without keeping the steps: the timed loop. Returns the last spec. */
export function replayScriptOnly(model: DataModel, script: readonly HistoryAction[] = COMPOSER_SCRIPT): WidgetSpec | undefined {
  let h = startHistory(emptyComposerState());
  let spec: WidgetSpec | undefined;
  for (const action of script) {
    h = applyToHistory(h, action, model);
    explainState(h.present, model);
    spec = stateToSpec(h.present);
  }
  return spec;
}

/** Whether a semantic query plans against the model (the query of the state after "choose table" alone does not). */
function plans(model: DataModel, query: SemanticQueryInput): boolean {
  try {
    planQuery(model, query);
    return true;
  } catch {
    return false;
  }
}

/** The baseline's work: the query of every edit's spec that plans, in script order. */
export function compileTargets(model: DataModel, steps: readonly EditStep[]): SemanticQueryInput[] {
  return steps.flatMap((s) => (s.spec.data.kind === 'semantic' && plans(model, s.spec.data.query) ? [s.spec.data.query] : []));
}

/** planQuery + compileToSql of each query once; returns the number of SQL characters (so nothing is optimised away). */
export function compileAll(model: DataModel, queries: readonly SemanticQueryInput[]): number {
  let chars = 0;
  for (const q of queries) chars += compileToSql(planQuery(model, q)).sql.length;
  return chars;
}

/** Null when every edit changed the state (no edit of the script is timed doing nothing), else the first that did not. */
export function diffUnchangedEdits(steps: readonly EditStep[]): string | null {
  const i = steps.findIndex((s) => !s.changed);
  return i < 0 ? null : `edit ${i + 1} (${steps[i]!.action}) left the state unchanged`;
}

/** Null when the spec after the build equals the catalog spec (canonical JSON), else both. */
export function diffBuiltSpec(built: WidgetSpec | undefined, catalog: WidgetSpec): string | null {
  if (!built) return 'the script built nothing';
  const [a, b] = [canonicalJson(built), canonicalJson(catalog)];
  return a === b ? null : `built ${a}, the catalog has ${b}`;
}

// ---------------------------------------------------------------- the preview on the page

/** The marks the page alternates between: the catalog widget's bar chart and a line chart of the same data. */
export const PREVIEW_MARKS = ['bar', 'line'] as const satisfies readonly WidgetMark[];
export type PreviewMark = (typeof PREVIEW_MARKS)[number];

export const otherMark = (mark: string): PreviewMark => (mark === 'bar' ? 'line' : 'bar');

/** The vega scenegraph group that holds a mark's data marks in the drawn SVG. */
export const MARK_GROUP: Readonly<Record<PreviewMark, string>> = {
  bar: 'g.mark-rect.role-mark',
  line: 'g.mark-line.role-mark',
};

/** What a mark-change run found on screen once the widget had settled. */
export interface MarkRun {
  /** The mark the run asked for. */
  mark: PreviewMark;
  /** The mark of the spec the widget showed (effectiveSpec). */
  shown: string;
  /** Data-mark paths in the mark's group (a bar per row; one path for the line). */
  paths: number;
  /** Rows of the widget's result. */
  rows: number;
  /** The widget spec the run drew (canonical JSON). */
  spec: string;
}

/** Null when a composer run and a standalone run drew the same spec (per mark) with the same marks, else the first difference. */
export function diffMarkRuns(composer: readonly MarkRun[], standalone: readonly MarkRun[]): string | null {
  for (const runs of [composer, standalone]) {
    const bad = runs.find((r) => r.shown !== r.mark || r.paths < 1 || (r.mark === 'bar' && r.paths !== r.rows));
    if (bad) return `a run asked for a ${bad.mark} chart and found ${bad.shown} with ${bad.paths} mark paths for ${bad.rows} rows`;
  }
  for (const mark of PREVIEW_MARKS) {
    const a = composer.find((r) => r.mark === mark);
    const b = standalone.find((r) => r.mark === mark);
    if (!a || !b) return `no ${mark} chart drawn by ${a ? 'the standalone widget' : 'the composer'}`;
    if (a.spec !== b.spec) return `${mark}: the composer drew ${a.spec}, the standalone widget ${b.spec}`;
    if (a.paths !== b.paths || a.rows !== b.rows) return `${mark}: the composer drew ${a.paths} paths for ${a.rows} rows, the standalone widget ${b.paths} for ${b.rows}`;
  }
  return null;
}
