/**
 * The Node side of the composer benchmarks: the composer core's work per edit (applyToHistory +
 * explainState + stateToSpec over the scripted edits) against planQuery + compileToSql of the
 * query each edit's spec holds. Each is an Alternative (one timed run) for the interleaving harness.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { DataModel } from '../src/contracts/data-model.js';
import type { SemanticQueryInput } from '../src/contracts/query.js';
import { catalogModel, catalogSpec } from '../src/widgets/catalog.js';
import type { WidgetSpec } from '../src/widgets/spec.js';
import {
  BUILD_SCRIPT,
  COMPOSER_CATALOG_ID,
  COMPOSER_SCRIPT,
  compileAll,
  compileTargets,
  diffBuiltSpec,
  diffUnchangedEdits,
  replayScript,
  replayScriptOnly,
  type EditStep,
} from './composer-workload.js';
import type { Alternative } from './harness.js';

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection before each run, so one run's garbage is not collected inside the next. */
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** A run of `repeat` back-to-back calls of `fn`, reported as the mean time per unit (`units` per call). */
function perUnit<T>(fn: () => T, repeat: number, units: number): Alternative<T> {
  if (!Number.isInteger(repeat) || repeat < 1) throw new RangeError('repeat must be a positive integer');
  if (units < 1) throw new RangeError('units must be positive');
  return async () => {
    collectGarbage();
    const start = performance.now();
    let value = fn();
    for (let k = 1; k < repeat; k++) value = fn();
    return { ms: (performance.now() - start) / (repeat * units), value };
  };
}

export class ComposerNodeSide {
  readonly model: DataModel = catalogModel();
  /** The script replayed once, untimed: what every edit left behind. */
  readonly steps: EditStep[];
  /** The queries the baseline compiles: those of the edits' specs that plan. */
  readonly queries: SemanticQueryInput[];

  constructor() {
    this.steps = replayScript(this.model);
    this.queries = compileTargets(this.model, this.steps);
  }

  get edits(): number {
    return COMPOSER_SCRIPT.length;
  }

  /** The composer core over the whole script, `replays` times; the sample is the mean per edit. Its value is the last spec. */
  edit(replays: number): Alternative<WidgetSpec | undefined> {
    return perUnit(() => replayScriptOnly(this.model), replays, this.edits);
  }

  /** planQuery + compileToSql of every edit's query, `replays` times; the sample is the mean per query. Its value is the SQL's length. */
  compile(replays: number): Alternative<number> {
    return perUnit(() => compileAll(this.model, this.queries), replays, this.queries.length);
  }

  /** Null when every edit of the script changed the state. */
  unchangedEdits(): string | null {
    return diffUnchangedEdits(this.steps);
  }

  /** Null when the build part of the script ends on the catalog spec. */
  builtSpec(): string | null {
    return diffBuiltSpec(this.steps[BUILD_SCRIPT.length - 1]?.spec, catalogSpec(COMPOSER_CATALOG_ID));
  }

  /** What the composer reports for the final state (nothing, for a finished widget). */
  finalProblems(): string[] {
    return this.steps.at(-1)?.problems.map((p) => p.message) ?? ['no edit ran'];
  }

  /** The final spec of the untimed replay. */
  get finalSpec(): WidgetSpec | undefined {
    return this.steps.at(-1)?.spec;
  }
}
