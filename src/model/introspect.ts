import type { ColumnRole, ColumnType, DataModel, TableKind } from '../contracts/data-model.js';
import { shortestPaths } from '../query/plan.js';

/**
 * What a "Select data model" dialog shows for each table: its kind, record count, lookups and
 * attributes, including the attributes reached through lookups (with the table they come from).
 */

export interface AttributeInfo {
  /** The member name a query uses: "table.column". */
  member: string;
  label: string;
  type: ColumnType;
  role: ColumnRole;
  /** The table the column belongs to. */
  sourceTable: string;
  sourceTableLabel: string;
  /** Relation names followed from the described table; empty for its own columns. */
  path: string[];
}

export interface LookupInfo {
  relation: string;
  column: string;
  table: string;
  tableLabel: string;
  targetColumn: string;
}

export interface MeasureInfo {
  member: string;
  label: string;
  aggregation: string;
  column?: string;
}

export interface TableSummary {
  name: string;
  label: string;
  kind: TableKind;
  description?: string;
  records: number | null;
  lookups: LookupInfo[];
  attributes: AttributeInfo[];
  measures: MeasureInfo[];
}

export function introspectModel(model: DataModel): TableSummary[] {
  const byName = new Map(model.tables.map((t) => [t.name, t]));
  return model.tables.map((table) => {
    const paths = shortestPaths(model, table.name);
    const attributes: AttributeInfo[] = [];
    // Own columns first, then tables in breadth-first order of their lookup path.
    const reached = [...paths.entries()].sort((a, b) => a[1].length - b[1].length);
    for (const [name, path] of reached) {
      const source = byName.get(name)!;
      for (const c of source.columns) {
        attributes.push({
          member: `${name}.${c.name}`,
          label: path.length ? `${source.label} › ${c.label}` : c.label,
          type: c.type,
          role: c.role,
          sourceTable: name,
          sourceTableLabel: source.label,
          path: path.map((r) => r.name),
        });
      }
    }
    return {
      name: table.name,
      label: table.label,
      kind: table.kind,
      ...(table.description ? { description: table.description } : {}),
      records: table.rowCount ?? null,
      lookups: model.relations
        .filter((r) => r.from.table === table.name)
        .map((r) => ({
          relation: r.name,
          column: r.from.column,
          table: r.to.table,
          tableLabel: byName.get(r.to.table)?.label ?? r.to.table,
          targetColumn: r.to.column,
        })),
      attributes,
      measures: model.measures
        .filter((m) => m.table === table.name)
        .map((m) => ({ member: `${m.table}.${m.name}`, label: m.label, aggregation: m.aggregation, ...(m.column ? { column: m.column } : {}) })),
    };
  });
}
