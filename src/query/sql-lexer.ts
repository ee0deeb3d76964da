/**
 * The one SQL scanner behind parameter binding (sql-params.ts) and the SQL editor's highlighting
 * (composer/sql-highlight.ts), so both always agree on what is a string, a comment or a parameter.
 * Strings use '' escapes (E'' strings also backslash escapes) and may carry an E, X, B or N prefix;
 * "quoted" identifiers double their quote; comments are -- to the end of the line (without the
 * newline) and nested /* *\/ blocks; $tag$ … $tag$ is a string. A parameter is a bare `$NAME`, or a
 * closed string literal whose whole content is `$NAME` ('$START_DATE'). Unclosed runs go to the end.
 */

export type SqlLexeme =
  | { kind: 'parameter'; start: number; end: number; name: string; /** Written as the literal '$NAME'. */ quoted: boolean }
  | { kind: 'word'; start: number; end: number; /** The word in upper case. */ upper: string }
  | { kind: 'whitespace' | 'comment' | 'string' | 'quoted-identifier' | 'number' | 'operator'; start: number; end: number };

const NAME = /^\$([A-Za-z_][A-Za-z0-9_]*)$/;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;
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

function sticky(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

/** The lexeme starting at `i` (< text.length); it is never empty. */
function lexemeAt(text: string, i: number): SqlLexeme {
  const c = text[i]!;
  const run = (end: number, kind: 'whitespace' | 'comment' | 'string' | 'quoted-identifier' | 'number' | 'operator'): SqlLexeme => ({ kind, start: i, end });
  const space = sticky(WHITESPACE, text, i);
  if (space) return run(i + space[0].length, 'whitespace');
  if (text.startsWith('--', i)) {
    const nl = text.indexOf('\n', i);
    return run(nl < 0 ? text.length : nl, 'comment');
  }
  if (text.startsWith('/*', i)) return run(blockCommentEnd(text, i), 'comment');
  if (c === "'") {
    const end = quotedEnd(text, i, "'");
    const closed = end - i >= 2 && text[end - 1] === "'";
    const m = closed ? NAME.exec(text.slice(i + 1, end - 1)) : null;
    return m ? { kind: 'parameter', start: i, end, name: m[1]!, quoted: true } : run(end, 'string');
  }
  if (c === '"') return run(quotedEnd(text, i, '"'), 'quoted-identifier');
  if (c === '$') {
    const tag = sticky(DOLLAR_TAG, text, i)?.[0];
    if (tag) {
      const close = text.indexOf(tag, i + tag.length);
      return run(close < 0 ? text.length : close + tag.length, 'string');
    }
    const bare = sticky(BARE, text, i);
    if (bare) return { kind: 'parameter', start: i, end: i + bare[0].length, name: bare[1]!, quoted: false };
  }
  if (isWordStart(c)) {
    let j = i + 1;
    while (j < text.length && isWord(text[j]!)) j++;
    const upper = text.slice(i, j).toUpperCase();
    // E'..', X'..', B'..', N'..' are strings, never parameters; only E-strings use backslash escapes.
    if (text[j] === "'" && STRING_PREFIXES.has(upper)) return run(quotedEnd(text, j, "'", upper === 'E'), 'string');
    return { kind: 'word', start: i, end: j, upper };
  }
  const number = sticky(NUMBER, text, i);
  if (number) return run(i + number[0].length, 'number');
  const op = OPERATORS.find((o) => text.startsWith(o, i));
  return run(i + (op?.length ?? 1), 'operator');
}

/** The lexemes of `text`, in order; they cover every character exactly once. */
export function lexSql(text: string): SqlLexeme[] {
  const lexemes: SqlLexeme[] = [];
  let i = 0;
  while (i < text.length) {
    const lexeme = lexemeAt(text, i);
    lexemes.push(lexeme);
    i = lexeme.end;
  }
  return lexemes;
}
