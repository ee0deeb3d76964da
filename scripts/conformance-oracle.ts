/**
 * Native-DuckDB side of the conformance suite: loads the fixture into @duckdb/node-api, runs the
 * hand-written SQL oracles of the data cases, and writes their results to
 * src/conformance/expected.ts, so the suite itself carries literal expectations and needs no database.
 *
 *   node --import tsx scripts/conformance-oracle.ts           check: exit 1 if a stored expectation differs
 *   node --import tsx scripts/conformance-oracle.ts --write   regenerate expected.ts from the oracles
 *
 * The node tests import the helpers below to re-run every oracle (tests/node/conformance-oracle.test.ts)
 * and to execute the SQL compiler's output natively (tests/node/conformance-sql.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Row, ScalarValue } from '../src/contracts/result.js';
import { dataCaseSpecs } from '../src/conformance/corpus/index.js';
import { conformanceColumns, conformanceData, conformanceTables } from '../src/conformance/fixture.js';
import type { DataCaseSpec, ExpectedRows } from '../src/conformance/types.js';
import { SQL_TYPE } from '../src/engines/duckdb/ddl.js';

export const EXPECTED_FILE = fileURLToPath(new URL('../src/conformance/expected.ts', import.meta.url));


export interface FixtureDatabase {
  connection: DuckDBConnection;
  close(): void;
}

/** An in-memory DuckDB holding the fixture tables with their native column types. */
export async function openFixtureDatabase(): Promise<FixtureDatabase> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const table of conformanceTables) {
    const columns = conformanceColumns[table]!;
    const data = conformanceData[table]!;
    await connection.run(`CREATE TABLE "${table}" (${columns.map((c) => `"${c.name}" ${SQL_TYPE[c.type]}`).join(', ')})`);
    const n = data[columns[0]!.name]!.length;
    // Values are bound (never spliced into SQL) and cast to the column type, so ISO strings load as dates.
    const tuple = `(${columns.map((c) => `CAST(? AS ${SQL_TYPE[c.type]})`).join(', ')})`;
    const batch = 200;
    for (let start = 0; start < n; start += batch) {
      const end = Math.min(n, start + batch);
      const params: DuckDBValue[] = [];
      for (let i = start; i < end; i++) for (const c of columns) params.push(data[c.name]![i] ?? null);
      await connection.run(`INSERT INTO "${table}" VALUES ${Array.from({ length: end - start }, () => tuple).join(', ')}`, params);
    }
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Converts one DuckDB value to the result contract's form (dates "YYYY-MM-DD", timestamps ISO UTC, bigints as numbers). */
function toScalar(value: unknown, typeId: DuckDBTypeId, column: string): ScalarValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return typeId === DuckDBTypeId.DATE ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`${column}: ${value} does not fit a JavaScript number`);
    return n;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`${column}: unsupported DuckDB value ${String(value)} (type id ${typeId})`);
}

export interface NativeResult {
  columns: string[];
  rows: Row[];
}

/** Runs SQL with optional positional parameters and returns contract-form rows. */
export async function runSql(connection: DuckDBConnection, sql: string, params: ScalarValue[] = []): Promise<NativeResult> {
  const reader = await connection.runAndReadAll(sql, params);
  const columns = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.typeId);
  const rows = reader.getRowsJS().map((values) => {
    const row: Row = {};
    columns.forEach((name, i) => (row[name] = toScalar(values[i], types[i]!, name)));
    return row;
  });
  return { columns, rows };
}

/** The expectation of one data case: its oracle's rows, plus the un-paged count when it asks for a total. */
export async function runOracle(connection: DuckDBConnection, spec: DataCaseSpec): Promise<ExpectedRows> {
  const { columns, rows } = await runSql(connection, spec.oracle);
  const expected: ExpectedRows = { columns, rows };
  if (spec.oracleTotal !== undefined) {
    const total = await runSql(connection, spec.oracleTotal);
    const value = total.rows[0]?.[total.columns[0]!];
    if (typeof value !== 'number') throw new Error(`${spec.id}: oracleTotal must return one number, got ${JSON.stringify(value)}`);
    expected.total = value;
  }
  return expected;
}

export async function runAllOracles(connection: DuckDBConnection, specs: DataCaseSpec[] = dataCaseSpecs): Promise<Record<string, ExpectedRows>> {
  const out: Record<string, ExpectedRows> = {};
  for (const spec of specs) {
    try {
      out[spec.id] = await runOracle(connection, spec);
    } catch (e) {
      throw new Error(`oracle of "${spec.id}" failed: ${(e as Error).message}`, { cause: e });
    }
  }
  return out;
}

/** TypeScript source of expected.ts: one row per line so a diff shows which rows changed. */
export function renderExpected(results: Record<string, ExpectedRows>): string {
  const lines = [
    '// Generated by `node --import tsx scripts/conformance-oracle.ts --write` from the hand-written SQL',
    '// oracles of the data cases (src/conformance/corpus/), run in native DuckDB. Do not edit by hand:',
    '// tests/node/conformance-oracle.test.ts re-runs every oracle and fails if this file differs.',
    "import type { ExpectedRows } from './types.js';",
    '',
    'export const expectedResults: Record<string, ExpectedRows> = {',
  ];
  for (const [id, r] of Object.entries(results)) {
    lines.push(`  ${JSON.stringify(id)}: {`);
    lines.push(`    columns: ${JSON.stringify(r.columns)},`);
    if (r.rows.length === 0) lines.push('    rows: [],');
    else {
      lines.push('    rows: [');
      for (const row of r.rows) lines.push(`      ${JSON.stringify(row)},`);
      lines.push('    ],');
    }
    if (r.total !== undefined) lines.push(`    total: ${r.total},`);
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const started = performance.now();
  const db = await openFixtureDatabase();
  try {
    const results = await runAllOracles(db.connection);
    const source = renderExpected(results);
    const elapsed = (performance.now() - started).toFixed(0);
    if (write) {
      writeFileSync(EXPECTED_FILE, source);
      console.log(`wrote ${Object.keys(results).length} expectations to ${EXPECTED_FILE} in ${elapsed} ms`);
      return;
    }
    let current = '';
    try {
      current = readFileSync(EXPECTED_FILE, 'utf8');
    } catch {
      // A missing file is reported as stale below.
    }
    if (current === source) console.log(`${Object.keys(results).length} oracles match ${EXPECTED_FILE} (${elapsed} ms)`);
    else {
      console.error(`${EXPECTED_FILE} is stale: run with --write and review the diff`);
      process.exitCode = 1;
    }
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
