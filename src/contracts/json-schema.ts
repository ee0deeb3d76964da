import { z } from 'zod';
import { DecileDefinitionSchema } from '../derive/definition.js';
import { RefreshJobSchema } from '../refresh/job-schema.js';
import { WidgetSpecSchema } from '../widgets/spec.js';
import { SnapshotSpecSchema, WidgetSnapshotSchema } from '../widgets/snapshot.js';
import { widgetCatalog } from '../widgets/catalog.js';
import { DashboardSpecSchema } from '../dashboards/spec.js';
import { cdnowDashboard } from '../dashboards/examples.js';
import { AppendRowsSchema, CapabilitiesSchema, SqlParamsSchema } from './adapter.js';
import {
  Aggregation,
  ColumnRole,
  ColumnSchema,
  ColumnType,
  DataModelSchema,
  FilterValue,
  Identifier,
  MeasureSchema,
  RelationSchema,
  TableKind,
  TableSchema,
} from './data-model.js';
import { AdapterErrorBody, AdapterErrorCode } from './errors.js';
import {
  DateRange,
  DateString,
  FilterLeafSchema,
  FilterNodeSchema,
  FilterOperator,
  Granularity,
  MemberName,
  OrderItem,
  RelativeDateRange,
  SemanticQuerySchema,
  TimeDimensionSchema,
} from './query.js';
import { ProvenanceSchema, ResultColumnSchema, ResultSetSchema, ScalarValue } from './result.js';

/**
 * JSON Schema (draft 2020-12) for the contracts, generated from the zod schemas with
 * z.toJSONSchema so the published schemas cannot drift from what the code validates.
 *
 * io is "input": the schemas describe what a receiver accepts, so properties with a `default` may
 * be left out. Refinements have no JSON Schema form; the two that can be written as JSON Schema
 * are added in `override`, the cross-reference rules of a DataModel are stated in its description.
 */

export interface SchemaMeta {
  id?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  [key: string]: unknown;
}
export type SchemaRegistry = z.core.$ZodRegistry<SchemaMeta>;
export type JsonSchema = Record<string, unknown>;

export const exampleDataModel = {
  name: 'shop',
  label: 'Shop',
  version: 1,
  tables: [
    {
      name: 'customers',
      label: 'Customers',
      kind: 'dimension',
      rowCount: 2000,
      primaryKey: 'customer_id',
      columns: [
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'country', label: 'Country', type: 'string', role: 'dimension' },
      ],
    },
    {
      name: 'transactions',
      label: 'Transactions',
      kind: 'fact',
      rowCount: 5883,
      columns: [
        { name: 'customer_id', label: 'Customer ID', type: 'string', role: 'identity' },
        { name: 'ts', label: 'Purchase time', type: 'timestamp', role: 'time' },
        { name: 'amount', label: 'Amount', type: 'number', role: 'measure', format: '$,.2f' },
      ],
    },
  ],
  relations: [{ name: 'transactions_customer', from: { table: 'transactions', column: 'customer_id' }, to: { table: 'customers', column: 'customer_id' } }],
  measures: [
    { name: 'revenue', label: 'Revenue', table: 'transactions', aggregation: 'sum', column: 'amount', format: '$,.2f' },
    { name: 'buyers', label: 'Buyers', table: 'transactions', aggregation: 'countDistinct', column: 'customer_id' },
  ],
};

export const exampleSemanticQuery = {
  measures: ['transactions.revenue'],
  dimensions: ['customers.country'],
  timeDimensions: [{ dimension: 'transactions.ts', granularity: 'month', dateRange: 'last 12 months' }],
  filters: [{ member: 'customers.country', operator: 'in', values: ['DE', 'FR'] }],
  order: [['transactions.ts.month', 'asc']],
  limit: 100,
};

export const exampleResultSet = {
  columns: [
    { name: 'customers.country', label: 'Country', type: 'string', role: 'dimension' },
    { name: 'transactions.ts.month', label: 'Purchase time (month)', type: 'timestamp', role: 'time' },
    { name: 'transactions.revenue', label: 'Revenue', type: 'number', role: 'measure', format: '$,.2f' },
  ],
  rows: [
    { 'customers.country': 'DE', 'transactions.ts.month': '2024-01-01', 'transactions.revenue': 10432.5 },
    { 'customers.country': 'FR', 'transactions.ts.month': '2024-01-01', 'transactions.revenue': 8120 },
  ],
  provenance: { kind: 'sql', sql: 'SELECT … WHERE t1.country IN ($1, $2) …', params: ['DE', 'FR'] },
};

export const exampleWidgetSnapshot = {
  format: 'clv-kit/widget-snapshot',
  version: 1,
  exportedAt: '2024-07-01T09:30:00.000Z',
  spec: {
    version: 2,
    title: 'Revenue by country',
    data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['customers.country'] } },
    mark: 'bar',
    encodings: { x: { field: 'customers.country', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
  },
  result: {
    columns: [exampleResultSet.columns[0], exampleResultSet.columns[2]],
    rows: [
      { 'customers.country': 'DE', 'transactions.revenue': 10432.5 },
      { 'customers.country': 'FR', 'transactions.revenue': 8120 },
    ],
    provenance: { kind: 'sql', sql: 'SELECT … GROUP BY 1 ORDER BY 1', params: [] },
  },
};

export const exampleCapabilities = { sql: false, append: true };

export const exampleErrorBody = {
  error: { code: 'invalid_request', message: 'Invalid query: measures.0: must be "table.member"', field: 'measures.0' },
};

/** Component name → schema, for the published top-level contracts. */
export const CONTRACTS = {
  DataModel: DataModelSchema,
  SemanticQuery: SemanticQuerySchema,
  ResultSet: ResultSetSchema,
  Capabilities: CapabilitiesSchema,
  AdapterErrorBody,
  DecileDefinition: DecileDefinitionSchema,
  RefreshJob: RefreshJobSchema,
  WidgetSpec: WidgetSpecSchema,
  DashboardSpec: DashboardSpecSchema,
  WidgetSnapshot: WidgetSnapshotSchema,
} as const;
export type ContractName = keyof typeof CONTRACTS;

/** File names under schemas/. */
export const CONTRACT_FILES: Record<ContractName, string> = {
  DataModel: 'data-model.schema.json',
  SemanticQuery: 'semantic-query.schema.json',
  ResultSet: 'result-set.schema.json',
  Capabilities: 'capabilities.schema.json',
  AdapterErrorBody: 'adapter-error.schema.json',
  DecileDefinition: 'decile-definition.schema.json',
  RefreshJob: 'refresh-job.schema.json',
  WidgetSpec: 'widget-spec.schema.json',
  DashboardSpec: 'dashboard-spec.schema.json',
  WidgetSnapshot: 'widget-snapshot.schema.json',
};

/** Adds metadata, refusing a schema that already has some: shared instances must be documented once. */
export function annotate(registry: SchemaRegistry, schema: z.ZodType, meta: SchemaMeta): void {
  if (registry.has(schema)) throw new Error(`schema ${meta.id ?? meta.description ?? ''} is registered twice`);
  registry.add(schema, meta);
}

/** A fresh registry with ids (which become components / $defs), descriptions and examples of the contracts. */
export function createContractRegistry(): SchemaRegistry {
  const r = z.registry<SchemaMeta>();
  const add = (schema: z.ZodType, meta: SchemaMeta) => annotate(r, schema, meta);

  // data model
  add(Identifier, { id: 'Identifier', description: 'A table, column, measure or relation name: a letter or _, then letters, digits and _ (at most 63).' });
  add(ColumnType, { id: 'ColumnType', description: 'Dates travel as "YYYY-MM-DD", timestamps as ISO 8601 in UTC.' });
  add(ColumnRole, { id: 'ColumnRole', description: 'identity: keys; dimension: group/filter by; measure: numbers to aggregate; time: dates and timestamps.' });
  add(ColumnSchema, { id: 'Column' });
  add(ColumnSchema.shape.format, { description: 'A d3-format string for numbers ("$,.2f") or a d3-time-format string for dates ("%Y-%m-%d").' });
  add(TableKind, { id: 'TableKind', description: 'fact: events (one row per purchase); dimension: entities looked up by key; derived: computed from others.' });
  add(TableSchema, { id: 'Table' });
  add(TableSchema.shape.rowCount, { description: 'Records in the table when the model was described; null when unknown. GET /model fills it in.' });
  add(TableSchema.shape.primaryKey, { description: 'The column that identifies a row: the target of relations.' });
  add(RelationSchema, {
    id: 'Relation',
    description: 'A many-to-one lookup from a column of one table to a key of another. Declared, not enforced; queries join along relations.',
  });
  add(Aggregation, { id: 'Aggregation' });
  add(FilterValue, { id: 'FilterValue' });
  add(MeasureSchema, {
    id: 'Measure',
    description: 'A named aggregate of one column of its table (count may omit the column), optionally over rows passing `filter`. Queries name it "table.name".',
  });
  add(MeasureSchema.shape.filter, { description: 'Leaf filters over columns of the measure’s table, AND-ed; they restrict only this measure.' });
  add(DataModelSchema, {
    id: 'DataModel',
    title: 'DataModel',
    description: [
      'Tables, their lookups and named measures: everything a query may name.',
      'Rules beyond this schema (a server answers 400 when one is broken): table names are unique, column names are unique within a table,',
      'primaryKey is a column of its table, both ends of every relation are existing columns, a measure’s table exists and its column and',
      'filter columns belong to that table, "table.measure" is unique and no measure has the name of a column of its table.',
    ].join(' '),
    examples: [exampleDataModel],
  });

  // derivations and refresh jobs
  add(DecileDefinitionSchema, {
    id: 'DecileDefinition',
    title: 'DecileDefinition',
    description: DecileDefinitionSchema.description,
    examples: [
      {
        name: 'customer_deciles',
        source: { table: 'transactions', identity: 'customer_id', category: 'customers.loyalty_tier', time: 'ts', metric: { aggregation: 'sum', column: 'amount' } },
        identities: { table: 'customers', column: 'customer_id' },
        windows: [1, 3, 6, 9, 12, 'all'],
        asOf: '2024-12-01',
        mode: 'exact',
      },
    ],
  });
  add(RefreshJobSchema, {
    id: 'RefreshJob',
    title: 'RefreshJob',
    description: 'A scheduled refresh: a task (SQL template, incremental append or named derivation), its output table and a UTC schedule.',
    examples: [
      {
        id: 'daily-transactions',
        name: 'Append new transactions',
        task: { kind: 'incremental-append', source: 'transactions_incoming', positionColumn: 'ts', eventIdColumn: 'transaction_id' },
        output: { table: 'transactions', mode: 'append' },
        schedule: { kind: 'daily', at: '06:00' },
        enabled: true,
      },
    ],
  });

  add(WidgetSpecSchema, {
    id: 'WidgetSpec',
    title: 'WidgetSpec',
    description: 'A dashboard widget: its data (a semantic query, or SQL with bound \'$NAME\' parameters), mark, encodings, properties and interactions (version 2).',
    examples: [widgetCatalog[0]!.spec],
  });
  // No id: the snapshot is a file format, not a REST body, so it stays out of the OpenAPI components.
  add(WidgetSnapshotSchema, {
    title: 'WidgetSnapshot',
    description: 'A "spec + data" file: a widget spec with the result (and a big number\'s comparison result) it showed, to reopen it without a data source.',
  });
  add(SnapshotSpecSchema, { description: 'The widget spec. Readers also accept older spec versions and upgrade them.' });
  add(DashboardSpecSchema, {
    id: 'DashboardSpec',
    title: 'DashboardSpec',
    description:
      'A dashboard (version 1): widgets on a 12-column grid (x + w ≤ 12, no two overlapping), a date range filter, global filters that widgets opt into, and cross filtering by clicks.',
    examples: [cdnowDashboard],
  });

  // query
  add(MemberName, { id: 'MemberName', description: '"table.column" or "table.measure".' });
  add(Granularity, { id: 'Granularity' });
  add(FilterOperator, {
    id: 'FilterOperator',
    description: 'set/notSet take no values; in/notIn any number; inDateRange/notInDateRange two dates or one relative range; the others one value.',
  });
  add(DateString, { id: 'DateString', description: 'A calendar date or an ISO timestamp (UTC when no offset is given).' });
  add(RelativeDateRange, {
    id: 'RelativeDateRange',
    description:
      'Resolved against the query’s "now" (UTC): today, yesterday, this|last week|month|quarter|year, last N days|weeks|months|quarters|years. "last N units" is the N complete units before the current one.',
  });
  add(DateRange, { id: 'DateRange', description: 'Inclusive [from, to] dates, or a relative range.' });
  add(FilterLeafSchema, { id: 'FilterLeaf' });
  add(FilterNodeSchema, {
    id: 'FilterNode',
    description: 'A leaf, or an and/or group of nodes. A group may not mix measures (HAVING) and dimensions (WHERE).',
  });
  add(TimeDimensionSchema, {
    id: 'TimeDimension',
    description: 'Groups by a date/timestamp column truncated to `granularity` (output key "table.column.granularity") and/or filters it to `dateRange`.',
  });
  add(OrderItem, { id: 'OrderItem', description: '[member or time-dimension key, direction]; nulls sort last either way.' });
  add(SemanticQuerySchema, {
    id: 'SemanticQuery',
    title: 'SemanticQuery',
    description:
      'A query in the spirit of Cube’s query format. Rows are grouped by every dimension and time dimension with a granularity; measures are aggregated per group. Joins follow the model’s relations. At least one measure, dimension or time dimension with a granularity is required.',
    examples: [exampleSemanticQuery],
  });
  add(SemanticQuerySchema.shape.total, { description: 'Also return `total`, the number of rows before limit and offset.' });

  // results
  add(ScalarValue, { id: 'ScalarValue' });
  add(ResultColumnSchema, { id: 'ResultColumn' });
  add(ResultColumnSchema.shape.name, { description: 'The member key ("transactions.revenue", "transactions.ts.month") or the SQL column name.' });
  add(ProvenanceSchema, {
    id: 'Provenance',
    description: 'How the rows were produced: the SQL and its bound parameters, the HTTP request, or an in-memory plan.',
  });
  add(ResultSetSchema, {
    id: 'ResultSet',
    title: 'ResultSet',
    description:
      'Rows keyed by column name. Dates are "YYYY-MM-DD", timestamps ISO 8601 in UTC ("YYYY-MM-DDTHH:MM:SS.sssZ"), time dimensions with a granularity the first instant of their period.',
    examples: [exampleResultSet],
  });

  // adapter and errors
  add(CapabilitiesSchema, {
    id: 'Capabilities',
    title: 'Capabilities',
    description: 'Optional abilities, declared up front so clients offer only what works.',
    examples: [exampleCapabilities, { sql: true, sqlDialect: 'duckdb', append: true }],
  });
  add(CapabilitiesSchema.shape.sql, { description: 'Raw SQL with named parameters ($NAME), always bound: POST /sql is implemented.' });
  add(CapabilitiesSchema.shape.append, { description: 'Rows may be appended to tables of the model: POST /tables/{table}/rows is implemented.' });
  add(AdapterErrorCode, {
    id: 'AdapterErrorCode',
    description:
      'invalid_request (400): fix the request; not_found (404): no such table or resource; timeout (504; 408 also read as timeout); aborted (499): the client went away; unsupported (501): not offered by this backend; backend (500/502/503): a server fault, worth retrying.',
  });
  add(AdapterErrorBody, { id: 'AdapterErrorBody', title: 'AdapterErrorBody', description: 'The body of every error response.', examples: [exampleErrorBody] });
  add(AdapterErrorBody.shape.error.shape.field, {
    description: 'Dotted path of the offending field in the adapter argument ("measures.0", "filters.1.and.0.values", "rows.3.amount", "limit"), when there is one.',
  });
  add(SqlParamsSchema, { id: 'SqlParams', description: 'Values of the $NAME placeholders, bound (never spliced into the text).' });
  add(AppendRowsSchema, { id: 'AppendRows', description: 'Row objects keyed by column name; missing columns are null.' });
  return r;
}

/** The JSON Schema forms of two refinements; the others are cross-references stated in descriptions. */
function override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const s = ctx.jsonSchema;
  // zod's safe-integer bounds are an implementation limit, not part of the contract; they only add noise.
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  // zod drops the examples of a schema that transforms (the spec's upgrade step); they are valid input all the same.
  if (ctx.zodSchema === WidgetSnapshotSchema) s.examples = [exampleWidgetSnapshot];
  if (ctx.zodSchema === MeasureSchema) {
    s.if = { properties: { aggregation: { const: 'count' } } };
    s.else = { required: ['column'] };
  }
  if (ctx.zodSchema === SemanticQuerySchema) {
    s.anyOf = [
      { required: ['measures'], properties: { measures: { minItems: 1 } } },
      { required: ['dimensions'], properties: { dimensions: { minItems: 1 } } },
      { required: ['timeDimensions'], properties: { timeDimensions: { contains: { required: ['granularity'] } } } },
    ];
  }
}

/** Options shared by every conversion. An unrepresentable construct shows up in the output (and the diff) instead of throwing. */
export const jsonSchemaOptions = (registry: SchemaRegistry) =>
  ({
    metadata: registry,
    target: 'draft-2020-12',
    io: 'input',
    reused: 'inline',
    cycles: 'ref',
    unrepresentable: ({ message }) => ({ description: `Not representable in JSON Schema (${message}); see the zod contract.` }),
    override,
  }) satisfies z.core.ToJSONSchemaParams;

/** Replaces every "$ref" by `rewrite(ref)`, recursively. */
export function rewriteRefs<T>(value: T, rewrite: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rewrite)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? rewrite(v) : rewriteRefs(v, rewrite);
    return out as T;
  }
  return value;
}

/** A self-contained JSON Schema document for one contract: the root inline, the named parts under $defs. */
export function contractJsonSchema(name: ContractName, registry: SchemaRegistry = createContractRegistry()): JsonSchema {
  const doc = z.toJSONSchema(CONTRACTS[name], jsonSchemaOptions(registry)) as JsonSchema;
  const defs = { ...((doc.$defs as Record<string, JsonSchema> | undefined) ?? {}) };
  const root = doc.$ref === `#/$defs/${name}` ? defs[name]! : doc;
  delete defs[name];
  const { $schema: _s, $ref: _r, $defs: _d, ...body } = root;
  const hoisted: JsonSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...body };
  if (Object.keys(defs).length) hoisted.$defs = defs;
  return rewriteRefs(hoisted, (ref) => (ref === `#/$defs/${name}` ? '#' : ref));
}

/** Every id'd schema of the registry as OpenAPI components, referencing each other under `refPrefix`. */
export function componentSchemas(registry: SchemaRegistry, refPrefix = '#/components/schemas/'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, { ...jsonSchemaOptions(registry), uri: (id: string) => `${refPrefix}${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  const out: Record<string, JsonSchema> = {};
  for (const id of Object.keys(schemas).sort()) {
    const { $schema: _s, $id: _i, ...body } = schemas[id]!;
    out[id] = body;
  }
  return out;
}

/** schemas/<file> → content, as scripts/write-schemas.ts writes them (stable key order, trailing newline). */
export function schemaFiles(): Record<string, string> {
  const registry = createContractRegistry();
  const out: Record<string, string> = {};
  for (const name of Object.keys(CONTRACTS) as ContractName[]) {
    out[`schemas/${CONTRACT_FILES[name]}`] = `${JSON.stringify(contractJsonSchema(name, registry), null, 2)}\n`;
  }
  return out;
}
