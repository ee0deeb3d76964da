import { z } from 'zod';

/** A name usable as an SQL identifier: it is quoted anyway, but restricting it keeps REST paths and member keys unambiguous. */
export const Identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must start with a letter or _ and contain only letters, digits and _')
  .max(63);

export const ColumnType = z.enum(['string', 'number', 'integer', 'boolean', 'date', 'timestamp']);
export type ColumnType = z.infer<typeof ColumnType>;

export const ColumnRole = z.enum(['identity', 'dimension', 'measure', 'time']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const ColumnSchema = z.object({
  name: Identifier,
  label: z.string().min(1),
  type: ColumnType,
  role: ColumnRole,
  /** A d3-format string for numbers ("$,.2f") or a d3-time-format string for dates. */
  format: z.string().optional(),
  description: z.string().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const TableKind = z.enum(['fact', 'dimension', 'derived']);
export type TableKind = z.infer<typeof TableKind>;

export const TableSchema = z.object({
  name: Identifier,
  label: z.string().min(1),
  kind: TableKind,
  description: z.string().optional(),
  /** Records in the table when the model was described; null when unknown. */
  rowCount: z.number().int().nonnegative().nullable().default(null),
  /** The column that identifies a row (the target of lookups). */
  primaryKey: Identifier.optional(),
  columns: z.array(ColumnSchema).min(1),
});
export type Table = z.infer<typeof TableSchema>;

/** A foreign-key lookup (many-to-one), declared and not enforced, as in the reference platform's "NOT enforced" constraints. */
export const RelationSchema = z.object({
  name: Identifier,
  from: z.object({ table: Identifier, column: Identifier }),
  to: z.object({ table: Identifier, column: Identifier }),
});
export type Relation = z.infer<typeof RelationSchema>;

export const Aggregation = z.enum(['count', 'countDistinct', 'sum', 'avg', 'min', 'max']);
export type Aggregation = z.infer<typeof Aggregation>;

export const FilterValue = z.union([z.string(), z.number(), z.boolean()]);
export type FilterValue = z.infer<typeof FilterValue>;

/** A named measure: an aggregate of one column of its table (count may omit the column), optionally over a filtered subset. */
export const MeasureSchema = z
  .object({
    name: Identifier,
    label: z.string().min(1),
    table: Identifier,
    aggregation: Aggregation,
    column: Identifier.optional(),
    /** Rows counted by this measure only: leaf filters over columns of the measure's table, AND-ed. */
    filter: z
      .array(
        z.object({
          column: Identifier,
          operator: z.enum(['equals', 'notEquals', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'set', 'notSet']),
          values: z.array(FilterValue).default([]),
        }),
      )
      .optional(),
    format: z.string().optional(),
    description: z.string().optional(),
  })
  .refine((m) => m.aggregation === 'count' || m.column !== undefined, {
    message: 'a column is required for every aggregation except count',
    path: ['column'],
  });
export type Measure = z.infer<typeof MeasureSchema>;

export const DataModelSchema = z
  .object({
    name: Identifier,
    label: z.string().min(1),
    version: z.literal(1).default(1),
    description: z.string().optional(),
    tables: z.array(TableSchema).min(1),
    relations: z.array(RelationSchema).default([]),
    measures: z.array(MeasureSchema).default([]),
  })
  .superRefine((model, ctx) => {
    const tables = new Map(model.tables.map((t) => [t.name, t]));
    const seen = new Set<string>();
    model.tables.forEach((t, i) => {
      if (seen.has(t.name)) ctx.addIssue({ code: 'custom', message: `duplicate table "${t.name}"`, path: ['tables', i, 'name'] });
      seen.add(t.name);
      const cols = new Set<string>();
      t.columns.forEach((c, j) => {
        if (cols.has(c.name))
          ctx.addIssue({ code: 'custom', message: `duplicate column "${c.name}"`, path: ['tables', i, 'columns', j, 'name'] });
        cols.add(c.name);
      });
      if (t.primaryKey && !cols.has(t.primaryKey))
        ctx.addIssue({ code: 'custom', message: `primary key "${t.primaryKey}" is not a column of "${t.name}"`, path: ['tables', i, 'primaryKey'] });
    });
    const hasColumn = (table: string, column: string) => tables.get(table)?.columns.some((c) => c.name === column) ?? false;
    model.relations.forEach((r, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!hasColumn(r[end].table, r[end].column))
          ctx.addIssue({
            code: 'custom',
            message: `relation "${r.name}": ${r[end].table}.${r[end].column} does not exist`,
            path: ['relations', i, end],
          });
      }
    });
    const measureNames = new Set<string>();
    model.measures.forEach((m, i) => {
      const key = `${m.table}.${m.name}`;
      if (measureNames.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate measure "${key}"`, path: ['measures', i, 'name'] });
      measureNames.add(key);
      if (!tables.has(m.table)) ctx.addIssue({ code: 'custom', message: `unknown table "${m.table}"`, path: ['measures', i, 'table'] });
      else {
        if (m.column && !hasColumn(m.table, m.column))
          ctx.addIssue({ code: 'custom', message: `"${m.column}" is not a column of "${m.table}"`, path: ['measures', i, 'column'] });
        if (hasColumn(m.table, m.name))
          ctx.addIssue({ code: 'custom', message: `measure "${key}" has the name of a column`, path: ['measures', i, 'name'] });
        m.filter?.forEach((f, j) => {
          if (!hasColumn(m.table, f.column))
            ctx.addIssue({ code: 'custom', message: `"${f.column}" is not a column of "${m.table}"`, path: ['measures', i, 'filter', j, 'column'] });
        });
      }
    });
  });
export type DataModel = z.infer<typeof DataModelSchema>;
/** What a model author writes: defaults (rowCount, relations, measures) may be left out. */
export type DataModelInput = z.input<typeof DataModelSchema>;
