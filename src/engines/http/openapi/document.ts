import { z } from 'zod';
import { CapabilitiesSchema } from '../../../contracts/adapter.js';
import { DataModelSchema } from '../../../contracts/data-model.js';
import { AdapterErrorBody } from '../../../contracts/errors.js';
import {
  annotate,
  componentSchemas,
  createContractRegistry,
  exampleCapabilities,
  exampleDataModel,
  exampleResultSet,
  exampleSemanticQuery,
  jsonSchemaOptions,
  type JsonSchema,
  type SchemaRegistry,
} from '../../../contracts/json-schema.js';
import { SemanticQuerySchema } from '../../../contracts/query.js';
import { ResultSetSchema } from '../../../contracts/result.js';
import { AppendRequestSchema, AppendResultSchema, QueryRequestSchema, SampleParamsSchema, SqlRequestSchema } from '../wire.js';
import { annotateDashboardSchemas, dashboardBodySchemas, dashboardComponents, dashboardPaths, dashboardTag } from './dashboards.js';
import { json, ref } from './media.js';
import { info, operationText } from './text.js';
import { toYaml } from './yaml.js';

/**
 * The OpenAPI 3.1 document of the REST contract. Schemas come from the zod contracts (through
 * contracts/json-schema.ts); this module adds paths, parameters, responses and examples.
 */

export const API_VERSION = '1.0.0';

/** Zod schema of every component a request or response of the document names, so tests can check the examples. */
export const bodySchemas: Record<string, z.ZodType> = {
  Capabilities: CapabilitiesSchema,
  DataModel: DataModelSchema,
  SemanticQuery: SemanticQuerySchema,
  ResultSet: ResultSetSchema,
  AdapterErrorBody,
  QueryRequest: QueryRequestSchema,
  AppendRequest: AppendRequestSchema,
  AppendResult: AppendResultSchema,
  SqlRequest: SqlRequestSchema,
  ...dashboardBodySchemas,
};

function restRegistry(): SchemaRegistry {
  const r = createContractRegistry();
  annotate(r, QueryRequestSchema, { id: 'QueryRequest', description: 'Body of POST /query.' });
  annotate(r, QueryRequestSchema.shape.now, {
    description: 'Pins "now" (UTC) for relative date ranges, for reproducible reports and tests. Defaults to the server clock.',
  });
  annotate(r, AppendRequestSchema, { id: 'AppendRequest', description: 'Body of POST /tables/{table}/rows.' });
  annotate(r, AppendResultSchema, { id: 'AppendResult', description: 'How many rows were stored.' });
  annotate(r, SqlRequestSchema, { id: 'SqlRequest', description: 'Body of POST /sql.' });
  annotate(r, SqlRequestSchema.shape.sql, { description: 'One statement in the dialect of `Capabilities.sqlDialect`, with $NAME placeholders.' });
  annotateDashboardSchemas(r);
  return r;
}

const errorExample = (code: string, message: string, field?: string) => ({ error: { code, message, ...(field ? { field } : {}) } });

function errorResponses(): Record<string, unknown> {
  const body = (description: string, example: unknown, headers?: Record<string, unknown>) => ({
    description,
    ...(headers ? { headers } : {}),
    content: json(ref('AdapterErrorBody'), { example }),
  });
  const retryAfter = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
  return {
    InvalidRequest: body(
      'invalid_request: the request breaks the contract or names something the model lacks. `field` says where. Not retried.',
      errorExample('invalid_request', 'unknown measure "transactions.profit"', 'measures.0'),
    ),
    NotFound: body('not_found: no such table (or endpoint). Not retried.', errorExample('not_found', 'There is no table "orders" in the model "clv".', 'table')),
    RateLimited: body(
      'Too many requests. Clients wait for Retry-After (or back off) and try again; when retries run out they report code backend.',
      errorExample('backend', 'Rate limit exceeded; retry in 2 s.'),
      retryAfter,
    ),
    BackendError: body(
      'backend: a server fault. Clients retry 500, 502, 503 and 504 with exponential backoff; 502/503 from a proxy without a JSON body are read as backend.',
      errorExample('backend', 'The database connection was lost.'),
    ),
    Unavailable: body('backend: the server is overloaded or starting; it did not act on the request, so even appends are retried.', errorExample('backend', 'Warming up; retry shortly.'), retryAfter),
    Unsupported: body('unsupported: this backend does not offer the operation (see GET /capabilities). Not retried.', errorExample('unsupported', 'This backend does not run SQL; use POST /query.')),
    Timeout: body('timeout: the server gave up on the query. 408 is read the same way.', errorExample('timeout', 'The query ran longer than 30 s.')),
  };
}

const standardErrors = {
  '429': { $ref: '#/components/responses/RateLimited' },
  '500': { $ref: '#/components/responses/BackendError' },
  '503': { $ref: '#/components/responses/Unavailable' },
};
const errors = (...extra: Array<'400' | '404' | '501' | '504'>) => {
  const named = { '400': 'InvalidRequest', '404': 'NotFound', '501': 'Unsupported', '504': 'Timeout' } as const;
  return { ...Object.fromEntries(extra.map((s) => [s, { $ref: `#/components/responses/${named[s]}` }])), ...standardErrors };
};

function operation(id: keyof typeof operationText, tag: string, rest: Record<string, unknown>) {
  const t = operationText[id];
  return { operationId: id, tags: [tag], summary: t.summary, description: t.description, ...rest };
}

export function buildOpenApiDocument(): Record<string, unknown> {
  const registry = restRegistry();
  const dashboards = dashboardComponents();
  const sample = z.toJSONSchema(SampleParamsSchema, jsonSchemaOptions(registry)) as { properties: Record<string, JsonSchema> };
  const sampleResult = {
    columns: exampleDataModel.tables[0]!.columns,
    rows: [
      { customer_id: 'C000001', country: 'DE' },
      { customer_id: 'C000002', country: 'FR' },
    ],
    total: 2000,
    provenance: { kind: 'sql', sql: 'SELECT * FROM "customers" LIMIT $1 OFFSET $2', params: [2, 0] },
  };

  return {
    openapi: '3.1.0',
    info: { title: 'clv-kit data API', version: API_VERSION, license: { name: 'MIT', identifier: 'MIT' }, description: info },
    servers: [
      {
        url: '{base}',
        description: 'Wherever the backend mounts the contract; clients take it as `baseUrl`.',
        variables: { base: { default: '/api', description: 'A path on the page’s origin or an absolute URL.' } },
      },
    ],
    tags: [
      { name: 'model', description: 'What the backend holds and can do.' },
      { name: 'query', description: 'Reading aggregated data.' },
      { name: 'tables', description: 'Reading and appending raw rows.' },
      dashboardTag,
    ],
    paths: {
      '/capabilities': {
        get: operation('getCapabilities', 'model', {
          responses: { '200': { description: 'The capabilities.', content: json(ref('Capabilities'), { memory: exampleCapabilities }) }, ...standardErrors },
        }),
      },
      '/model': {
        get: operation('getModel', 'model', {
          responses: { '200': { description: 'The data model with current row counts.', content: json(ref('DataModel'), { shop: exampleDataModel }) }, ...standardErrors },
        }),
      },
      '/query': {
        post: operation('runQuery', 'query', {
          requestBody: {
            required: true,
            content: json(ref('QueryRequest'), {
              revenueByMonth: { query: exampleSemanticQuery, now: '2025-01-15' },
              topCountries: { query: { measures: ['transactions.revenue'], dimensions: ['customers.country'], limit: 5, total: true } },
            }),
          },
          responses: { '200': { description: 'The rows.', content: json(ref('ResultSet'), { revenueByMonth: exampleResultSet }) }, ...errors('400', '504') },
        }),
      },
      '/tables/{table}/sample': {
        parameters: [{ $ref: '#/components/parameters/Table' }],
        get: operation('sampleTable', 'tables', {
          parameters: [
            { name: 'limit', in: 'query', required: false, description: 'Rows to return (default 100). Servers may cap it; the reference engine allows up to 10,000.', schema: sample.properties.limit },
            { name: 'offset', in: 'query', required: false, description: 'Rows to skip (default 0).', schema: sample.properties.offset },
          ],
          responses: { '200': { description: 'The rows, every column of the table.', content: json(ref('ResultSet'), { customers: sampleResult }) }, ...errors('400', '404', '504') },
        }),
      },
      '/tables/{table}/rows': {
        parameters: [{ $ref: '#/components/parameters/Table' }],
        post: operation('appendRows', 'tables', {
          requestBody: {
            required: true,
            content: json(ref('AppendRequest'), { oneOrder: { rows: [{ customer_id: 'C000001', ts: '2025-01-14T10:30:00Z', amount: 42.5 }] } }),
          },
          responses: { '200': { description: 'The rows were stored.', content: json(ref('AppendResult'), { one: { appended: 1 } }) }, ...errors('400', '404', '501') },
        }),
      },
      '/sql': {
        post: operation('runSql', 'query', {
          requestBody: {
            required: true,
            content: json(ref('SqlRequest'), {
              bigSpenders: { sql: 'SELECT customer_id, sum(amount) AS spend FROM transactions GROUP BY 1 HAVING sum(amount) > $MIN ORDER BY 2 DESC', params: { MIN: 1000 } },
            }),
          },
          responses: {
            '200': {
              description: 'The rows; provenance is the statement as run.',
              content: json(ref('ResultSet'), {
                bigSpenders: {
                  columns: [
                    { name: 'customer_id', label: 'customer_id', type: 'string', role: 'dimension' },
                    { name: 'spend', label: 'spend', type: 'number', role: 'measure' },
                  ],
                  rows: [{ customer_id: 'C000042', spend: 2310.4 }],
                  provenance: { kind: 'sql', sql: 'SELECT customer_id, sum(amount) AS spend FROM transactions GROUP BY 1 HAVING sum(amount) > $1 ORDER BY 2 DESC', params: [1000] },
                },
              }),
            },
            ...errors('400', '501', '504'),
          },
        }),
      },
      ...dashboardPaths(),
    },
    components: {
      schemas: componentSchemas(registry),
      parameters: {
        Table: { name: 'table', in: 'path', required: true, description: 'A table of the model.', schema: ref('Identifier') },
        ...dashboards.parameters,
      },
      headers: {
        RetryAfter: {
          description: 'Seconds to wait, or an HTTP date. Clients wait this long before the next attempt (unless it would pass their deadline).',
          schema: { type: 'string' },
        },
        ...dashboards.headers,
      },
      responses: { ...errorResponses(), ...dashboards.responses },
    },
  };
}

/** openapi/<file> → content, as scripts/write-openapi.ts writes them: the same document as JSON and YAML. */
export function openApiFiles(): Record<string, string> {
  const doc = buildOpenApiDocument();
  return {
    'openapi/clv-kit.openapi.json': `${JSON.stringify(doc, null, 2)}\n`,
    'openapi/clv-kit.openapi.yaml': toYaml(doc),
  };
}
