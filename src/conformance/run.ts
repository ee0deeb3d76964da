import type { DataAdapter } from '../contracts/adapter.js';
import { AdapterError, type AdapterErrorCode } from '../contracts/errors.js';
import type { ResultSet, Row } from '../contracts/result.js';
import { conformanceCases } from './cases.js';
import { compareResult, show } from './compare.js';
import { conformanceData, conformanceModel } from './fixture.js';
import { type ConformanceCase, type ExpectedError, type ExpectedRows, isExpectedError } from './types.js';

export interface CaseResult {
  id: string;
  description: string;
  passed: boolean;
  /** "ok", or the first difference: row and column, expected vs actual. */
  message: string;
  durationMs: number;
}

export interface ConformanceReport {
  adapter: string;
  passed: number;
  failed: number;
  results: CaseResult[];
  durationMs: number;
}

export interface ConformanceOptions {
  /** The cases to run (default: the whole corpus). */
  cases?: readonly ConformanceCase[];
  /** Stops between cases; the run then rejects with AdapterError('aborted'). */
  signal?: AbortSignal;
  /** Also check sample() on the customers table (default true). */
  sample?: boolean;
}

export const SAMPLE_CASE_ID = 'sample.customers';

/**
 * Duck-typed on purpose: an adapter built against another copy of this package (a separate bundle,
 * or errors revived from the wire) has its own AdapterError class, and instanceof would reject it.
 */
function asAdapterError(e: unknown): { code: AdapterErrorCode; field?: string; message: string } | null {
  if (e instanceof AdapterError) return e;
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AdapterError' && typeof (e as { code?: unknown }).code === 'string') {
    return e as AdapterError;
  }
  return null;
}

function describeError(e: unknown): string {
  const a = asAdapterError(e);
  if (a) return `AdapterError ${a.code}${a.field ? ` (field "${a.field}")` : ''}: ${a.message}`;
  return e instanceof Error ? `${e.name}: ${e.message}` : `non-error rejection ${show(e)}`;
}

function checkError(expected: ExpectedError, outcome: { result?: ResultSet; error?: unknown }): string | null {
  const wanted = `AdapterError ${expected.error}${expected.field ? ` (field "${expected.field}")` : ''}`;
  if (!('error' in outcome)) return `expected ${wanted}, but the query succeeded with ${outcome.result?.rows?.length ?? 0} rows`;
  const a = asAdapterError(outcome.error);
  if (!a) return `expected ${wanted}, got ${describeError(outcome.error)}`;
  if (a.code !== expected.error) return `expected ${wanted}, got ${describeError(a)}`;
  if (expected.field !== undefined && a.field !== expected.field) {
    return `error field: expected "${expected.field}", got ${a.field === undefined ? 'none' : `"${a.field}"`} (${a.message})`;
  }
  return null;
}

function checkRows(expected: ExpectedRows, outcome: { result?: ResultSet; error?: unknown }): string | null {
  if ('error' in outcome) return `query failed: ${describeError(outcome.error)}`;
  return compareResult(expected, outcome.result!);
}

async function runCase(adapter: DataAdapter, c: ConformanceCase, signal?: AbortSignal): Promise<CaseResult> {
  const started = performance.now();
  let outcome: { result?: ResultSet; error?: unknown };
  try {
    outcome = { result: await adapter.query(c.query, { ...(c.now !== undefined ? { now: c.now } : {}), ...(signal ? { signal } : {}) }) };
  } catch (error) {
    outcome = { error };
  }
  let message: string | null;
  try {
    message = isExpectedError(c.expect) ? checkError(c.expect, outcome) : checkRows(c.expect, outcome);
  } catch (e) {
    // A malformed result (e.g. rows that are not objects) is a failure of the case, not of the run.
    message = `could not compare the result: ${describeError(e)}`;
  }
  return { id: c.id, description: c.description, passed: message === null, message: message ?? 'ok', durationMs: performance.now() - started };
}

/** The customers table through sample(): its columns in model order and every fixture row (in any order). */
async function runSampleCheck(adapter: DataAdapter, signal?: AbortSignal): Promise<CaseResult> {
  const started = performance.now();
  const table = conformanceModel.tables.find((t) => t.name === 'customers')!;
  const data = conformanceData.customers!;
  const columns = table.columns.map((c) => c.name);
  const n = data.customer_id!.length;
  const rows: Row[] = Array.from({ length: n }, (_, i) => Object.fromEntries(columns.map((c) => [c, data[c]![i] ?? null])));
  let message: string | null;
  try {
    const result = await adapter.sample('customers', { limit: 100, ...(signal ? { signal } : {}) });
    const sorted = Array.isArray(result?.rows)
      ? [...result.rows].sort((a, b) => Number(a.customer_id) - Number(b.customer_id))
      : result?.rows;
    message = compareResult({ columns, rows }, { ...result, rows: sorted as Row[] });
  } catch (e) {
    message = `sample("customers") failed: ${describeError(e)}`;
  }
  return {
    id: SAMPLE_CASE_ID,
    description: 'sample() of the customers table returns its columns in model order and all its rows',
    passed: message === null,
    message: message ?? 'ok',
    durationMs: performance.now() - started,
  };
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AdapterError('aborted', 'The conformance run was cancelled.');
}

/**
 * Runs the corpus against an adapter that already holds the fixture (see loadConformanceData).
 * Cases run one after another so a failure report is deterministic; a failing case never stops the run.
 */
export async function runConformance(adapter: DataAdapter, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const started = performance.now();
  const results: CaseResult[] = [];
  for (const c of options.cases ?? conformanceCases) {
    throwIfAborted(options.signal);
    results.push(await runCase(adapter, c, options.signal));
  }
  if (options.sample !== false) {
    throwIfAborted(options.signal);
    results.push(await runSampleCheck(adapter, options.signal));
  }
  const failed = results.filter((r) => !r.passed).length;
  return { adapter: adapter.id, passed: results.length - failed, failed, results, durationMs: performance.now() - started };
}

/** A readable summary: the counts, then one block per failure. */
export function formatReport(report: ConformanceReport): string {
  const head = `conformance of "${report.adapter}": ${report.passed} passed, ${report.failed} failed (${report.durationMs.toFixed(0)} ms)`;
  const failures = report.results.filter((r) => !r.passed).map((r) => `✗ ${r.id} — ${r.description}\n  ${r.message.replaceAll('\n', '\n  ')}`);
  return [head, ...failures].join('\n');
}

/** Runs the suite and throws one Error listing every failure; resolves with the report when all pass. */
export async function assertConformance(adapter: DataAdapter, options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const report = await runConformance(adapter, options);
  if (report.failed > 0) throw new Error(formatReport(report));
  return report;
}
