import type { DataAdapter } from '../../src/contracts/adapter.js';
import { FilterValue } from '../../src/contracts/data-model.js';
import { AdapterError } from '../../src/contracts/errors.js';
import type { ResultSet } from '../../src/contracts/result.js';
import { filterOptionsQuery } from '../../src/dashboards/filters.js';
import type { GlobalFilter } from '../../src/dashboards/spec.js';
import { keyOf, type OptionLoader, type SelectOption } from './options.js';

/**
 * Lists a global filter's choices through a data adapter: the filter's own query (semantic or SQL,
 * narrowed on the label when searching), its rows read as one option per distinct value.
 */
export function optionLoader(adapter: DataAdapter, filter: GlobalFilter, now?: string): OptionLoader {
  return async (search, signal) => {
    const request = filterOptionsQuery(filter, search.trim() || undefined);
    let result: ResultSet;
    if (request.kind === 'semantic') {
      result = await adapter.query(request.query, { signal, ...(now ? { now } : {}) });
    } else {
      if (!adapter.capabilities.sql || !adapter.sql) {
        throw new AdapterError(
          'unsupported',
          `The choices of "${filter.label}" come from SQL, and the data source ${adapter.id} does not run SQL.`,
          'options.sql',
        );
      }
      result = await adapter.sql(request.sql, request.params, { signal });
    }
    return narrow(optionsOf(result, filter), search);
  };
}

/** One option per distinct non-null value of the value column, labelled by the label column. */
export function optionsOf(result: ResultSet, filter: GlobalFilter): SelectOption[] {
  const { valueField, labelField } = filter.options;
  const names = result.columns.map((c) => c.name);
  for (const [field, name] of [['valueField', valueField], ['labelField', labelField]] as const) {
    if (!names.includes(name)) {
      throw new AdapterError(
        'invalid_request',
        `options.${field}: the choices of "${filter.label}" have no column "${name}" (the query returns ${names.map((n) => `"${n}"`).join(', ') || 'no columns'}).`,
        `options.${field}`,
      );
    }
  }
  const seen = new Set<string>();
  const options: SelectOption[] = [];
  for (const row of result.rows) {
    const parsed = FilterValue.safeParse(row[valueField]);
    if (!parsed.success) continue; // a null value cannot be chosen by an "equals" filter
    const key = keyOf(parsed.data);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = row[labelField];
    options.push({ value: parsed.data, label: label === null || label === undefined || label === '' ? String(parsed.data) : String(label) });
  }
  return options;
}

/**
 * Keeps the options whose label contains `search` (any case), as the server does for semantic
 * sources; an SQL source without a '$SEARCH' parameter, or a label that is not a member, is not
 * narrowed there.
 */
function narrow(options: SelectOption[], search: string): SelectOption[] {
  const text = search.trim().toLowerCase();
  return text ? options.filter((o) => o.label.toLowerCase().includes(text)) : options;
}
