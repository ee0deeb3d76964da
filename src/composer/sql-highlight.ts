/**
 * Splits SQL text into tokens for the SQL editor's highlighted layer. Every character lands in
 * exactly one token, so the tokens joined give back the text and the layer lines up with the
 * textarea above it. Strings, quoted identifiers, comments and parameters follow the same rules
 * as findSqlParameters (src/query/sql-params.ts): '' escapes, E'' backslash escapes, -- and nested
 * block comments, $tag$ strings, '$NAME' and bare $NAME parameters.
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

const PARAMETER_LITERAL = /^'\$[A-Za-z_][A-Za-z0-9_]*'$/;
const BARE_PARAMETER = /\$[A-Za-z_][A-Za-z0-9_]*/y;
const DOLLAR_TAG = /\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /\s+/y;
// None ends in / or -, so that an operator never swallows the start of a comment.
const OPERATORS = ['::', '<=', '>=', '<>', '!=', '||', '->>', '->', '**'];
const STRING_PREFIXES = new Set(['E', 'X', 'B', 'N']);

const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWord = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** End (exclusive) of a quoted run at `i` whose delimiter doubles as its escape; unclosed runs to the end. */
function quotedEnd(text: string, i: number, quote: string, backslash = false): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (backslash && c === '\\') j += 2;
    else if (c === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

function blockCommentEnd(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (text.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return text.length;
}

function sticky(re: RegExp, text: string, i: number): string | undefined {
  re.lastIndex = i;
  return re.exec(text)?.[0];
}

/** The token starting at `i`. */
function next(text: string, i: number): SqlToken {
  const c = text[i]!;
  const rest = (end: number, kind: SqlTokenKind): SqlToken => ({ text: text.slice(i, end), kind });
  const space = sticky(WHITESPACE, text, i);
  if (space) return { text: space, kind: 'whitespace' };
  if (text.startsWith('--', i)) {
    // The newline ends the comment but is whitespace, so a comment never spans lines.
    const nl = text.indexOf('\n', i);
    return rest(nl < 0 ? text.length : nl, 'comment');
  }
  if (text.startsWith('/*', i)) return rest(blockCommentEnd(text, i), 'comment');
  if (c === "'") {
    const end = quotedEnd(text, i, "'");
    return rest(end, PARAMETER_LITERAL.test(text.slice(i, end)) ? 'parameter' : 'string');
  }
  if (c === '"') return rest(quotedEnd(text, i, '"'), 'identifier');
  if (c === '$') {
    const tag = sticky(DOLLAR_TAG, text, i);
    if (tag) {
      const close = text.indexOf(tag, i + tag.length);
      return rest(close < 0 ? text.length : close + tag.length, 'string');
    }
    const bare = sticky(BARE_PARAMETER, text, i);
    if (bare) return { text: bare, kind: 'parameter' };
  }
  if (isWordStart(c)) {
    let j = i + 1;
    while (j < text.length && isWord(text[j]!)) j++;
    const upper = text.slice(i, j).toUpperCase();
    if (text[j] === "'" && STRING_PREFIXES.has(upper)) return rest(quotedEnd(text, j, "'", upper === 'E'), 'string');
    return rest(j, SQL_KEYWORDS.has(upper) ? 'keyword' : 'identifier');
  }
  const number = sticky(NUMBER, text, i);
  if (number) return { text: number, kind: 'number' };
  const op = OPERATORS.find((o) => text.startsWith(o, i));
  return { text: op ?? c, kind: 'operator' };
}

/** The tokens of `text`, in order; joined, their texts are `text` again. */
export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < text.length) {
    const t = next(text, i);
    i += t.text.length;
    tokens.push(t);
  }
  return tokens;
}
