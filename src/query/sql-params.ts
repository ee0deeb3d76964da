import { AdapterError } from '../contracts/errors.js';
import type { ScalarValue } from '../contracts/result.js';

/**
 * Named parameters in raw SQL. `$NAME` outside strings, or a string literal whose whole content
 * is `$NAME` ('$START_DATE'), is a parameter; both become a positional `?` and the value goes to
 * the bound list, so a value never becomes SQL text. A small tokenizer skips strings ('' escapes,
 * E'' backslash escapes), "quoted" identifiers, -- and nested /* *\/ comments and $tag$ strings,
 * so a `$NAME` inside any of them is left alone (only a literal that is exactly '$NAME' counts).
 */

const NAME = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;
const DOLLAR_TAG = /\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/y;
const STRING_PREFIXES = new Set(['E', 'X', 'B', 'N']);
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

const isWordStart = (c: string) => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWord = (c: string) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** End index (exclusive) of a quoted run starting at `i` whose delimiter doubles as its escape. */
function skipQuoted(text: string, i: number, quote: string, backslash = false): number {
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

function skipBlockComment(text: string, i: number): number {
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

/** Scans the text once and lists every parameter occurrence with its position. */
function scan(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  /** The last bare word, if it is the token right before the current position. */
  let lastWord: { start: number; upper: string } | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let word: typeof lastWord;
    if (c === "'") {
      const end = skipQuoted(text, i, "'");
      const closed = end - i >= 2 && text[end - 1] === "'";
      const m = closed ? NAME.exec(text.slice(i + 1, end - 1)) : null;
      if (m) {
        const typed = lastWord && TYPED_LITERALS.has(lastWord.upper) ? lastWord : undefined;
        found.push({ name: m[1]!, start: i, end, ...(typed ? { typeStart: typed.start, typeName: typed.upper } : {}) });
      }
      i = end;
    } else if (c === '"') {
      i = skipQuoted(text, i, '"');
    } else if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
      continue; // a comment between DATE and its literal does not break the pair
    } else if (text.startsWith('/*', i)) {
      i = skipBlockComment(text, i);
      continue;
    } else if (c === '$') {
      DOLLAR_TAG.lastIndex = i;
      const tag = DOLLAR_TAG.exec(text);
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? text.length : close + tag[0].length;
      } else {
        BARE.lastIndex = i;
        const m = BARE.exec(text);
        if (m) found.push({ name: m[1]!, start: i, end: i + m[0].length });
        i += m ? m[0].length : 1;
      }
    } else if (isWordStart(c)) {
      let j = i + 1;
      while (j < text.length && isWord(text[j]!)) j++;
      const upper = text.slice(i, j).toUpperCase();
      if (text[j] === "'" && STRING_PREFIXES.has(upper)) {
        // E'..', X'..', B'..', N'..' are never parameters; only E-strings use backslash escapes.
        i = skipQuoted(text, j, "'", upper === 'E');
      } else {
        word = { start: i, upper };
        i = j;
      }
    } else i++;
    lastWord = word;
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
