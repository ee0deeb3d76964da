import type { ColumnType, Table } from '../../contracts/data-model.js';
import { quoteIdentifier } from '../../query/sql.js';

/** DuckDB column types of the model's column types. */
export const SQL_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  number: 'DOUBLE',
  integer: 'BIGINT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/** CREATE TABLE for a model table; identifiers come from the model and are quoted. */
export function createTableSql(table: Table, ifNotExists: boolean): string {
  const columns = table.columns.map((c) => `${quoteIdentifier(c.name)} ${SQL_TYPE[c.type]}`).join(', ');
  return `CREATE ${ifNotExists ? 'TABLE IF NOT EXISTS' : 'OR REPLACE TABLE'} ${quoteIdentifier(table.name)} (${columns})`;
}

/** Names of the tables and views in the current schema, lower-cased (DuckDB matches names case-insensitively). */
export const EXISTING_TABLES_SQL =
  'SELECT lower(table_name) AS name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = current_schema()';
