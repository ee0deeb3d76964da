import { dataCaseGroups, dataCaseSpecs, errorCaseSpecs } from './corpus/index.js';
import { expectedResults } from './expected.js';
import type { ConformanceCase, DataCaseSpec } from './types.js';

/**
 * The corpus: every data case paired with its stored expectation (the oracle's result, see
 * expected.ts), then the error cases. Case ids are stable so reports can be compared over time.
 */

function withExpectation(spec: DataCaseSpec): ConformanceCase {
  const expect = expectedResults[spec.id];
  // Only reachable while editing the corpus: a new case needs its expectation generated.
  if (!expect) throw new Error(`conformance case "${spec.id}" has no stored expectation; run scripts/conformance-oracle.ts --write`);
  return {
    id: spec.id,
    description: spec.description,
    query: spec.query,
    ...(spec.now !== undefined ? { now: spec.now } : {}),
    expect,
  };
}

export const dataCases: ConformanceCase[] = dataCaseSpecs.map(withExpectation);

export const errorCases: ConformanceCase[] = errorCaseSpecs.map((s) => ({ ...s }));

export const conformanceCases: ConformanceCase[] = [...dataCases, ...errorCases];

/** Case ids by category (filters, logic, joins, time, relative, results, errors), for reports and subsets. */
export const caseCategories: Record<string, string[]> = {
  ...Object.fromEntries(Object.entries(dataCaseGroups).map(([k, specs]) => [k, specs.map((s) => s.id)])),
  errors: errorCaseSpecs.map((s) => s.id),
};
