import type { AdapterErrorCode } from '../contracts/errors.js';
import type { SemanticQueryInput } from '../contracts/query.js';
import type { Row } from '../contracts/result.js';

/** The rows a query must return, in order. `total` is checked only when present. */
export interface ExpectedRows {
  columns?: string[];
  rows: Row[];
  total?: number;
}

/** The error a query must be rejected with; `field` is checked only when present. */
export interface ExpectedError {
  error: AdapterErrorCode;
  field?: string;
}

export type Expectation = ExpectedRows | ExpectedError;

export interface ConformanceCase {
  id: string;
  description: string;
  query: SemanticQueryInput;
  /** Pins "now" for relative date ranges. */
  now?: string;
  expect: Expectation;
}

/**
 * A data case as written: the query plus a hand-written SQL oracle over the fixture tables.
 * Its expectation is the oracle's result in native DuckDB, stored in expected.ts, so the suite
 * itself needs no database.
 */
export interface DataCaseSpec {
  id: string;
  description: string;
  query: SemanticQueryInput;
  now?: string;
  /**
   * Plain SQL over the fixture tables (regions, customers, calendar, orders) with literal values,
   * its columns named after the result columns and its ORDER BY spelling out the expected order.
   */
  oracle: string;
  /** For cases asking for `total`: SQL returning the un-paged row count as one value. */
  oracleTotal?: string;
}

export interface ErrorCaseSpec {
  id: string;
  description: string;
  query: SemanticQueryInput;
  now?: string;
  expect: ExpectedError;
}

export const isExpectedError = (e: Expectation): e is ExpectedError => 'error' in e;
