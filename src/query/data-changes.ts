import type { DataModel } from '../contracts/data-model.js';
import type { SemanticQueryInput } from '../contracts/query.js';
import { planQuery } from './plan.js';

/**
 * Data-change notices, DOM-free: whoever changes data (a refresh run, an append by the host page)
 * says which tables changed, and whoever shows query results re-runs the queries that read one of
 * them. A plain EventTarget with CustomEvent, both global in Node 20 and browsers.
 */

export const DATA_CHANGED_EVENT = 'clv-data-changed';

export interface DataChangeDetail {
  /** The tables whose rows changed; null when unknown (every query is stale). */
  tables: string[] | null;
  /** Counts notices, so a reader that was away can tell it missed one. */
  version: number;
}

export class DataChanges extends EventTarget {
  #version = 0;

  /** The number of notices so far. */
  get version(): number {
    return this.#version;
  }

  /** Announces changed tables (all of them when none are named) and returns the notice. */
  notify(tables?: Iterable<string>): DataChangeDetail {
    const detail: DataChangeDetail = { tables: tables === undefined ? null : [...new Set(tables)], version: ++this.#version };
    this.dispatchEvent(new CustomEvent<DataChangeDetail>(DATA_CHANGED_EVENT, { detail }));
    return detail;
  }

  /** Calls `listener` on every notice; returns a function that stops it. */
  on(listener: (detail: DataChangeDetail) => void): () => void {
    const l = (event: Event) => listener((event as CustomEvent<DataChangeDetail>).detail);
    this.addEventListener(DATA_CHANGED_EVENT, l);
    return () => this.removeEventListener(DATA_CHANGED_EVENT, l);
  }
}

/**
 * Lower-cased names of the tables a query reads: its base table and every table on its join path,
 * as the planner resolves them. Null when that cannot be known (no model, or a query the planner
 * rejects), which readers take as "reads everything".
 */
export function queryTables(model: DataModel | undefined, query: SemanticQueryInput): Set<string> | null {
  if (!model) return null;
  try {
    const plan = planQuery(model, query);
    return new Set([plan.base.name, ...plan.joins.map((j) => j.table.name)].map((t) => t.toLowerCase()));
  } catch {
    return null;
  }
}

/** Whether a change of `changed` makes a result over `read` stale; an unknown side counts as overlapping. Names compare case-insensitively, as in DuckDB. */
export function isStale(read: ReadonlySet<string> | null, changed: readonly string[] | null): boolean {
  if (read === null || changed === null) return true;
  return changed.some((t) => read.has(t.toLowerCase()));
}
