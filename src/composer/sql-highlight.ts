import { lexSql, type SqlLexeme } from '../query/sql-lexer.js';

/**
 * Splits SQL text into tokens for the SQL editor's highlighted layer. Every character lands in
 * exactly one token, so the tokens joined give back the text and the layer lines up with the
 * textarea above it. The scanner is the one findSqlParameters uses (src/query/sql-lexer.ts), so
 * the parameters highlighted are the parameters bound.
 */

export type SqlTokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'parameter' | 'identifier' | 'operator' | 'whitespace';

export interface SqlToken {
  text: string;
  kind: SqlTokenKind;
}

/** Reserved words and the common clauses of DuckDB's dialect; function names stay identifiers. */
export const SQL_KEYWORDS: ReadonlySet<string> = new Set(
  `ALL AND ANTI ANY AS ASC ASOF BETWEEN BY CASE CAST COLLATE CREATE CROSS CURRENT DATE DELETE DESC DISTINCT DROP
  ELSE END EXCEPT EXCLUDE EXISTS EXTRACT FALSE FILTER FIRST FOLLOWING FROM FULL GROUP HAVING ILIKE IN INNER
  INSERT INTERSECT INTERVAL INTO IS JOIN LAST LATERAL LEFT LIKE LIMIT NATURAL NOT NULL NULLS OFFSET ON OR
  ORDER OUTER OVER PARTITION PIVOT PRECEDING QUALIFY RANGE RECURSIVE REPLACE RIGHT ROW ROWS SELECT SEMI SET
  SIMILAR SOME TABLE THEN TIME TIMESTAMP TIMESTAMPTZ TRUE TRY_CAST UNBOUNDED UNION UNPIVOT UPDATE USING
  VALUES VIEW WHEN WHERE WINDOW WITH`.split(/\s+/),
);

const KINDS: Readonly<Record<Exclude<SqlLexeme['kind'], 'word'>, SqlTokenKind>> = {
  whitespace: 'whitespace',
  comment: 'comment',
  string: 'string',
  'quoted-identifier': 'identifier',
  parameter: 'parameter',
  number: 'number',
  operator: 'operator',
};

/** The tokens of `text`, in order; joined, their texts are `text` again. */
export function tokenizeSql(text: string): SqlToken[] {
  return lexSql(text).map((t) => ({
    text: text.slice(t.start, t.end),
    kind: t.kind === 'word' ? (SQL_KEYWORDS.has(t.upper) ? 'keyword' : 'identifier') : KINDS[t.kind],
  }));
}
