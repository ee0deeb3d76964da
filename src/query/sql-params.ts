import { AdapterError } from '../contracts/errors.js';
import type { ScalarValue } from '../contracts/result.js';
import { lexSql } from './sql-lexer.js';

/**
 * Named parameters in raw SQL. `$NAME` outside strings, or a string literal whose whole content
 * is `$NAME` ('$START_DATE'), is a parameter; both become a positional `?` and the value goes to
 * the bound list, so a value never becomes SQL text. The scanner (sql-lexer.ts) skips strings,
 * "quoted" identifiers, comments and $tag$ strings, so a `$NAME` inside any of them is left alone
 * (only a literal that is exactly '$NAME' counts).
 */

/** Keywords of typed literals: DATE '$D' must become CAST(? AS DATE), as DATE ? is not SQL. */
const TYPED_LITERALS = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMPTZ']);

interface Occurrence {
  name: string;
  start: number;
  end: number;
  /** Start of a typed-literal keyword to replace together with the literal. */
  typeStart?: number;
  typeName?: string;
}

/** Lists every parameter occurrence with its position. */
function scan(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  /** The last bare word, if it is the token right before the current position. */
  let lastWord: { start: number; upper: string } | undefined;
  for (const t of lexSql(text)) {
    // White space or a comment between DATE and its literal does not break the pair.
    if (t.kind === 'whitespace' || t.kind === 'comment') continue;
    if (t.kind === 'parameter') {
      const typed = t.quoted && lastWord && TYPED_LITERALS.has(lastWord.upper) ? lastWord : undefined;
      found.push({ name: t.name, start: t.start, end: t.end, ...(typed ? { typeStart: typed.start, typeName: typed.upper } : {}) });
    }
    lastWord = t.kind === 'word' ? { start: t.start, upper: t.upper } : undefined;
  }
  return found;
}

/** The distinct parameter names of a SQL text, in order of first appearance. */
export function findSqlParameters(text: string): string[] {
  return [...new Set(scan(text).map((o) => o.name))];
}

export interface BoundSql {
  sql: string;
  params: ScalarValue[];
}

/**
 * Replaces every parameter with `?` (a typed literal DATE '$D' with CAST(? AS DATE)) and lists
 * the values in placeholder order. Values for names that do not occur are ignored.
 */
export function bindNamedParameters(text: string, values: Readonly<Record<string, ScalarValue | undefined>>): BoundSql {
  const params: ScalarValue[] = [];
  let sql = '';
  let at = 0;
  for (const o of scan(text)) {
    const value = Object.prototype.hasOwnProperty.call(values, o.name) ? values[o.name] : undefined;
    if (value === undefined) throw new AdapterError('invalid_request', `parameter $${o.name} needs a value`, `params.${o.name}`);
    params.push(value);
    if (o.typeStart !== undefined) sql += `${text.slice(at, o.typeStart)}CAST(? AS ${o.typeName})`;
    else sql += `${text.slice(at, o.start)}?`;
    at = o.end;
  }
  return { sql: sql + text.slice(at), params };
}
