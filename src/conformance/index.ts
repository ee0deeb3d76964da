/**
 * # clv-kit/conformance — does your DataAdapter mean what the in-memory reference means?
 *
 * A fixed fixture (a small shop: `orders` → `customers` → `regions`, `orders` → `calendar`) and a
 * corpus of semantic queries with literal expected results: every filter operator (nulls and case
 * included), and/or nesting, measure filters, one- and two-hop lookups, every granularity, absolute
 * and relative date ranges with a pinned "now", empty results, ties, paging with totals, and invalid
 * requests with the error code and field they must be rejected with.
 *
 * The expected rows were not produced by any engine of this package: each data case carries a
 * hand-written SQL oracle (`dataCaseSpecs[i].oracle`) whose result in native DuckDB is stored in
 * expected.ts; the package's own tests re-run the oracles so the stored rows cannot drift.
 *
 * ## Running it against your adapter
 *
 * ```ts
 * import { assertConformance, conformanceModel, loadConformanceData, runConformance, formatReport } from 'clv-kit/conformance';
 *
 * // 1. Give your backend the fixture model and data. Through a TableLoader (replace mode):
 * await loadConformanceData(myEngine);
 * //    or by any other route: conformanceModel, conformanceData (columnar) and conformanceColumns
 * //    (column types) describe exactly what to load.
 *
 * // 2. Run the corpus; every case is reported, failures with the first differing row and column.
 * const report = await runConformance(myAdapter);
 * console.log(formatReport(report));
 *
 * // 3. Or, in a test, throw one Error listing every failure:
 * await assertConformance(myAdapter);
 * ```
 *
 * Results must match column for column and row for row, in order (the documented order: requested
 * terms, then every dimension ascending, nulls last); numbers within a relative 1e-9. Error cases
 * must reject with an AdapterError of the expected code and, where given, `field`. sample() is
 * checked on `customers`. Run a subset with `runConformance(adapter, { cases: conformanceCases.filter(...) })`
 * and `caseCategories` to pick by category.
 */
export { conformanceModel, conformanceData, conformanceColumns, conformanceTables } from './fixture.js';
export { conformanceCases, dataCases, errorCases, caseCategories } from './cases.js';
export { dataCaseSpecs, errorCaseSpecs, NOW as conformanceNow } from './corpus/index.js';
export { runConformance, assertConformance, formatReport, SAMPLE_CASE_ID } from './run.js';
export type { CaseResult, ConformanceReport, ConformanceOptions } from './run.js';
export { loadConformanceData } from './load.js';
export { compareResult, numbersClose, valuesEqual } from './compare.js';
export type { ConformanceCase, DataCaseSpec, ErrorCaseSpec, Expectation, ExpectedError, ExpectedRows } from './types.js';
export { isExpectedError } from './types.js';
