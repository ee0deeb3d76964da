import type { SemanticQuery } from '../../src/contracts/query.js';
import { formatDate, formatTimestamp, resolveDateRange, type Interval } from '../../src/query/dates.js';

const DAY = 86_400_000;

/** An interval as an absolute [from, to] date range (whole days as dates; "to" is inclusive). */
function toDateRange({ start, end }: Interval): [string, string] {
  if (start % DAY === 0 && end % DAY === 0) return [formatDate(start), formatDate(end - DAY)];
  return [formatTimestamp(start), formatTimestamp(end - 1)];
}

/**
 * The same query over the period of equal length right before its date range: every time
 * dimension with a dateRange is resolved against `now` and moved back by its own length, so
 * "last 90 days" on 2024-05-10 compares 2024-02-10…2024-05-09 with 2023-11-12…2024-02-09.
 */
export function previousPeriodQuery(query: SemanticQuery, now: number): SemanticQuery {
  return {
    ...query,
    timeDimensions: query.timeDimensions.map((t) => {
      if (t.dateRange === undefined) return t;
      const current = resolveDateRange(t.dateRange, now);
      const length = current.end - current.start;
      return { ...t, dateRange: toDateRange({ start: current.start - length, end: current.start }) };
    }),
  };
}
