import { findSqlParameters } from '../query/sql-params.js';

/**
 * Checks on the SQL of a query-template task. As in the reference platform's scheduled queries,
 * the template is a query whose rows the scheduler writes to the output table; writing itself
 * (INSERT INTO, CREATE TABLE ... AS) is the scheduler's job, so the text may not do it.
 */

/** The text without comments and string contents, so keywords inside them are not mistaken for statements. */
function codeOnly(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""');
}

/** Why the template may not be scheduled, or undefined. */
export function sqlTemplateProblem(sql: string): string | undefined {
  const code = codeOnly(sql);
  if (/\bINSERT\s+(OR\s+\w+\s+)?INTO\b/i.test(code)) return 'must not contain INSERT INTO: the scheduler writes the rows to the output table';
  if (/\bCREATE\s+(OR\s+REPLACE\s+)?(TEMP\w*\s+)?TABLE\b[\s\S]*?\bAS\b/i.test(code))
    return 'must not contain CREATE TABLE ... AS: the scheduler creates the output table';
  if (/;\s*\S/.test(code.replace(/;\s*$/, ''))) return 'must be a single query';
  if (!/^\s*(\(\s*)*(SELECT|WITH|FROM|VALUES|TABLE)\b/i.test(code)) return 'must be a query (SELECT, WITH, FROM, VALUES or TABLE)';
  return undefined;
}

/** Names of $NAME parameters the template uses but `params` does not give. */
export function missingSqlParameters(sql: string, params: Readonly<Record<string, unknown>>): string[] {
  return findSqlParameters(sql).filter((name) => !Object.prototype.hasOwnProperty.call(params, name));
}

/** The template without trailing semicolons, ready to nest as a subquery. */
export const templateBody = (sql: string): string => sql.trim().replace(/(;\s*)+$/, '');
