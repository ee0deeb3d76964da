import type { AppendRows, CallOptions, Capabilities, DataAdapter, QueryOptions, SampleOptions, SqlParams } from '../../contracts/adapter.js';
import { AppendRowsSchema, CapabilitiesSchema } from '../../contracts/adapter.js';
import { DataModelSchema, type DataModel } from '../../contracts/data-model.js';
import { parseOrThrow } from '../../contracts/errors.js';
import { DateString, SemanticQuerySchema, type SemanticQueryInput } from '../../contracts/query.js';
import { ResultSetSchema, type ResultSet } from '../../contracts/result.js';
import { Transport, type Reply, type TransportOptions } from './transport.js';
import { AppendResultSchema, restPaths } from './wire.js';

export type HttpAdapterOptions = TransportOptions;

/**
 * A DataAdapter over the clv-kit REST contract (openapi/clv-kit.openapi.yaml).
 *
 * Every call has a deadline (`timeoutMs`, covering all attempts) and honours the caller's signal.
 * Network failures, 5xx and 429 are retried with exponential backoff and jitter (Retry-After wins
 * when given); 4xx never are. Appends are re-sent only on 429/503, when the server did nothing.
 *
 * Provenance: results carry `{kind: 'request', method, url, body}` of the call that produced them,
 * except when the server reports `{kind: 'sql'}`: the statement it actually ran says more than
 * the request, so it is kept. Other server provenance (an engine's plan) is replaced.
 */
export class HttpAdapter implements DataAdapter {
  readonly id: string;
  readonly capabilities: Capabilities;
  // `declare` so no field is emitted: an absent method must be absent, not undefined.
  declare readonly sql?: (text: string, params?: SqlParams, options?: CallOptions) => Promise<ResultSet>;
  declare readonly append?: (table: string, rows: AppendRows, options?: CallOptions) => Promise<{ appended: number }>;
  private readonly transport: Transport;

  /** With capabilities already known (from configuration or an earlier connect). */
  constructor(options: HttpAdapterOptions & { capabilities: Capabilities }) {
    this.transport = new Transport(options);
    this.id = `http ${this.transport.baseUrl}`;
    this.capabilities = parseOrThrow(CapabilitiesSchema, options.capabilities, 'capabilities');
    // Present exactly when the server offers them, so `'sql' in adapter` tells a component what works.
    if (this.capabilities.sql) this.sql = (text, params, o) => this.runSql(text, params, o);
    if (this.capabilities.append) this.append = (table, rows, o) => this.appendRows(table, rows, o);
  }

  /** Asks the server for its capabilities once, then returns a ready adapter. */
  static async connect(options: HttpAdapterOptions & CallOptions): Promise<HttpAdapter> {
    const reply = await new Transport(options).request({
      method: 'GET',
      path: restPaths.capabilities,
      schema: CapabilitiesSchema,
      idempotent: true,
      signal: options.signal,
    });
    return new HttpAdapter({ ...options, capabilities: reply.data });
  }

  async describe(options: CallOptions = {}): Promise<DataModel> {
    const reply = await this.transport.request({ method: 'GET', path: restPaths.model, schema: DataModelSchema, idempotent: true, signal: options.signal });
    return reply.data;
  }

  async query(query: SemanticQueryInput, options: QueryOptions = {}): Promise<ResultSet> {
    // Checked here too, so a malformed query fails at once with the same field the server would name.
    parseOrThrow(SemanticQuerySchema, query, 'query');
    if (options.now !== undefined) parseOrThrow(DateString, options.now, 'now');
    const body = { query, ...(options.now !== undefined ? { now: options.now } : {}) };
    const reply = await this.transport.request({ method: 'POST', path: restPaths.query, body, schema: ResultSetSchema, idempotent: true, signal: options.signal });
    return withProvenance(reply, body);
  }

  async sample(table: string, options: SampleOptions = {}): Promise<ResultSet> {
    const reply = await this.transport.request({
      method: 'GET',
      path: restPaths.sample(table),
      search: { limit: options.limit, offset: options.offset },
      schema: ResultSetSchema,
      idempotent: true,
      signal: options.signal,
    });
    return withProvenance(reply, undefined);
  }

  private async runSql(text: string, params: SqlParams = {}, options: CallOptions = {}): Promise<ResultSet> {
    const body = { sql: text, params };
    // The sql capability is for reading (results come back), so the statement is treated as idempotent.
    const reply = await this.transport.request({ method: 'POST', path: restPaths.sql, body, schema: ResultSetSchema, idempotent: true, signal: options.signal });
    return withProvenance(reply, body);
  }

  private async appendRows(table: string, rows: AppendRows, options: CallOptions = {}): Promise<{ appended: number }> {
    parseOrThrow(AppendRowsSchema, rows, 'rows');
    const reply = await this.transport.request({
      method: 'POST',
      path: restPaths.rows(table),
      body: { rows },
      schema: AppendResultSchema,
      idempotent: false,
      signal: options.signal,
    });
    return reply.data;
  }
}

function withProvenance(reply: Reply<ResultSet>, body: unknown): ResultSet {
  if (reply.data.provenance.kind === 'sql') return reply.data;
  return { ...reply.data, provenance: { kind: 'request', method: reply.method, url: reply.url, ...(body !== undefined ? { body } : {}) } };
}
