import type { DataCaseSpec, ErrorCaseSpec } from '../types.js';
import { errorCases } from './errors.js';
import { filterCases } from './filters.js';
import { joinCases } from './joins.js';
import { logicCases } from './logic.js';
import { resultCases } from './results.js';
import { relativeCases, timeCases } from './time.js';

export { NOW } from './time.js';

/** Data cases by category, in run order; each has a hand-written SQL oracle. */
export const dataCaseGroups: Record<string, DataCaseSpec[]> = {
  filters: filterCases,
  logic: logicCases,
  joins: joinCases,
  time: timeCases,
  relative: relativeCases,
  results: resultCases,
};

export const dataCaseSpecs: DataCaseSpec[] = Object.values(dataCaseGroups).flat();
export const errorCaseSpecs: ErrorCaseSpec[] = errorCases;
