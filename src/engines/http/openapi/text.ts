/** Prose of the OpenAPI document: what a backend team needs beyond the schemas. */

export const info = `The REST binding of clv-kit's DataAdapter contract. A backend that implements it can feed every clv-kit
component through \`HttpAdapter\` (\`clv-kit/http\`). The reference implementation is the mock backend in \`mocks/\`
(MSW handlers over the in-memory engine); \`runConformance(adapter)\` from \`clv-kit/conformance\` checks a backend
through \`HttpAdapter\`.

**Conventions**

- All bodies are JSON (\`application/json\`). Schemas describe what a receiver accepts: a property with a \`default\`
  may be left out and takes that value.
- Dates are \`"YYYY-MM-DD"\`; timestamps ISO 8601 in UTC (\`"2024-05-01T13:45:00.000Z"\`). The only timezone is UTC.
- Errors: every non-2xx answer carries an \`AdapterErrorBody\` \`{"error": {"code", "message", "field"?}}\` (under
  /dashboards a \`DashboardErrorBody\`: the same shape with the dashboard store's codes, see that tag). The code
  decides the status: invalid_request 400, not_found 404, timeout 504, unsupported 501, backend 500 (or 502/503),
  aborted 499 (nginx's "client closed request"; clients never see it). \`message\` is shown to people: say what to do.
  \`field\` is the dotted path of the culprit in the adapter argument: for POST /query the path inside \`query\`
  (\`"measures.0"\`, \`"filters.1.or.0.values"\`) or \`"now"\`; for appends \`"rows.3.amount"\`; for samples \`"limit"\`.
- Provenance: a ResultSet says how it was made. A server that ran SQL should answer \`{"kind": "sql", "sql", "params"}\`
  with the statement as executed; HttpAdapter keeps that and otherwise replaces the provenance with the request it sent.

**Client behaviour** (HttpAdapter): one deadline per call (default 30 s) covering all attempts; up to 3 retries with
exponential backoff and jitter on network errors, 429, 500, 502, 503 and 504, waiting for \`Retry-After\` when given;
never on other 4xx or 501. Appends change data, so they are re-sent only after 429 or 503 (the server did nothing).
Responses are validated against these schemas; a response that does not fit is reported as a backend error naming the
field. Servers should therefore keep queries idempotent and may rate-limit with 429 + Retry-After.

**Versioning**: new optional properties and new paths are compatible. Later resources (\`/audiences\`,
\`/activations\`) are added as sibling paths under the same base, as \`/dashboards\` is.`;

export const operationText = {
  getCapabilities: {
    summary: 'What the backend offers',
    description:
      'Called once when a client connects. `sql: true` promises POST /sql in `sqlDialect`; `append: true` promises POST /tables/{table}/rows. Components hide what is not offered.',
  },
  getModel: {
    summary: 'The data model',
    description:
      'Tables (with `rowCount` as of now), relations and named measures: everything a query may name. Clients call it at startup and after appends; it should be cheap (row counts may be estimates, or null when unknown).',
  },
  runQuery: {
    summary: 'Run a semantic query',
    description: `Resolve members against the model, join along relations from the table holding the measures (or the first
dimension), filter (WHERE for dimension filters and time-dimension date ranges, HAVING for measure filters), group by every
dimension and time dimension with a granularity, aggregate, order, then apply offset and limit.

- Output columns: dimensions in request order, then time dimensions with a granularity (key \`table.column.granularity\`,
  the first instant of the period, type date or timestamp as the column), then measures.
- Default order: the first time dimension ascending, else the first measure descending; then every dimension ascending.
  Nulls sort last in both directions.
- Relative date ranges resolve against \`now\` (default: the server clock), UTC, periods starting Monday for weeks.
- \`total: true\` adds \`total\`, the row count before offset and limit.
- 400 with \`field\` for unknown members, members of the wrong kind, mixed and/or groups of measures and dimensions,
  or values that do not fit the operator; 504 when the backend gives up.`,
  },
  sampleTable: {
    summary: 'Raw rows of a table',
    description:
      'Rows in a stable order (insertion order or primary key), every column of the table in its declared order, values in the output form of their type. `total` is the table’s row count. 404 for a table not in the model; 400 for a bad limit or offset.',
  },
  appendRows: {
    summary: 'Append rows to a table',
    description:
      'Only when `Capabilities.append`; otherwise 501. Every row is checked before any is stored (all or nothing): keys must be columns of the table (400 naming `rows.N.key`), values must convert to the column type, missing columns are null. Not idempotent: clients re-send only after 429/503.',
  },
  runSql: {
    summary: 'Run raw SQL',
    description:
      'Only when `Capabilities.sql`; otherwise 501. $NAME placeholders are bound from `params`, never spliced. Result columns take their names from the statement. Answer with `provenance.kind = "sql"` and the statement as executed.',
  },
} as const;
