// The SQL editor's tokenizer: keywords, strings (with '' and E'' escapes), numbers, comments and
// '$NAME' parameters each get their kind; the tokens always join back to the text, and the
// parameters it marks are exactly those findSqlParameters binds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { tokenizeSql, type SqlToken, type SqlTokenKind } from '../../src/composer/index.js';
import { findSqlParameters } from '../../src/query/sql-params.js';

/** The tokens without whitespace, as "kind:text". */
const significant = (sql: string) => tokenizeSql(sql).filter((t) => t.kind !== 'whitespace').map((t) => `${t.kind}:${t.text}`);
const ofKind = (sql: string, kind: SqlTokenKind) => tokenizeSql(sql).filter((t) => t.kind === kind).map((t) => t.text);

describe('tokenizeSql', () => {
  test('a query with every kind of token', () => {
    const sql = "SELECT clv_decile, AVG(clv) AS avg_clv -- by decile\nFROM customer_clv WHERE clv >= 1.5e2 AND name = 'O''Brien' AND d < '$END_DATE'";
    assert.deepEqual(significant(sql), [
      'keyword:SELECT',
      'identifier:clv_decile',
      'operator:,',
      'identifier:AVG',
      'operator:(',
      'identifier:clv',
      'operator:)',
      'keyword:AS',
      'identifier:avg_clv',
      'comment:-- by decile',
      'keyword:FROM',
      'identifier:customer_clv',
      'keyword:WHERE',
      'identifier:clv',
      'operator:>=',
      'number:1.5e2',
      'keyword:AND',
      'identifier:name',
      'operator:=',
      "string:'O''Brien'",
      'keyword:AND',
      'identifier:d',
      'operator:<',
      "parameter:'$END_DATE'",
    ]);
  });

  test('keywords are found in any case; function names and quoted identifiers are identifiers', () => {
    assert.deepEqual(ofKind('select Count(*) From t group BY 1 order by "select"', 'keyword'), ['select', 'From', 'group', 'BY', 'order', 'by']);
    assert.deepEqual(ofKind('select Count(*) From t group BY 1 order by "select"', 'identifier'), ['Count', 't', '"select"']);
  });

  test("strings keep their doubled quotes, E'' backslash escapes and prefixes inside one token", () => {
    assert.deepEqual(ofKind("SELECT 'it''s', E'a\\'b', X'ff', 'x' || 'y'", 'string'), ["'it''s'", "E'a\\'b'", "X'ff'", "'x'", "'y'"]);
  });

  test('an unterminated string or block comment runs to the end of the text', () => {
    assert.deepEqual(significant("SELECT 'abc"), ['keyword:SELECT', "string:'abc"]);
    assert.deepEqual(significant('SELECT 1 /* not closed\nFROM t'), ['keyword:SELECT', 'number:1', 'comment:/* not closed\nFROM t']);
  });

  test('comments: -- to the end of the line, and nested block comments', () => {
    const sql = "SELECT 1 -- '$A' here\n/* outer /* inner $B */ still */ FROM t";
    assert.deepEqual(ofKind(sql, 'comment'), ["-- '$A' here", '/* outer /* inner $B */ still */']);
    assert.deepEqual(ofKind(sql, 'keyword'), ['SELECT', 'FROM']);
    assert.deepEqual(ofKind(sql, 'parameter'), []);
    // An operator character right before a comment does not swallow its opening.
    assert.deepEqual(significant('2*//*$B*/3 -1--$C'), ['number:2', 'operator:*', 'operator:/', 'comment:/*$B*/', 'number:3', 'operator:-', 'number:1', 'comment:--$C']);
  });

  test("parameters: '$NAME' literals and bare $NAME, not $1, longer strings or quoted identifiers", () => {
    const sql = "SELECT * FROM t WHERE a = '$START_DATE' AND b < $min_n AND c = $1 AND d = 'costs $X' AND \"$e\" = 1 AND f = $$ $G $$";
    assert.deepEqual(ofKind(sql, 'parameter'), ["'$START_DATE'", '$min_n']);
    assert.deepEqual(ofKind(sql, 'string'), ["'costs $X'", '$$ $G $$']);
  });

  test('numbers: integers, decimals, exponents and leading dots; digits inside names are not numbers', () => {
    assert.deepEqual(ofKind('SELECT 42, 3.14, .5, 1e-3, 2E+10, col1, x2y FROM t LIMIT 100', 'number'), ['42', '3.14', '.5', '1e-3', '2E+10', '100']);
  });

  test('two-character operators stay whole', () => {
    assert.deepEqual(ofKind('a::INTEGER <> b AND c <= d OR e || f != g', 'operator'), ['::', '<>', '<=', '||', '!=']);
  });

  test('whitespace keeps newlines and tabs as written', () => {
    assert.deepEqual(
      tokenizeSql('SELECT\n\t1').map((t: SqlToken) => [t.kind, t.text]),
      [
        ['keyword', 'SELECT'],
        ['whitespace', '\n\t'],
        ['number', '1'],
      ],
    );
  });

  test('the empty text has no tokens', () => {
    assert.deepEqual(tokenizeSql(''), []);
  });
});

describe('tokenizeSql against findSqlParameters', () => {
  const fragment = fc.constantFrom(
    'SELECT ',
    'FROM t ',
    ' ',
    '\n',
    "'",
    "''",
    '"',
    '--',
    '/*',
    '*/',
    '$',
    '$$',
    '$tag$',
    "'$A'",
    '$B',
    '$1',
    "E'",
    '\\',
    'DATE ',
    'x',
    '1.5',
    '=',
    '<>',
    'é',
  );
  const sqlText = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

  test('the tokens joined give back the text', () => {
    fc.assert(fc.property(fc.oneof(sqlText, fc.string()), (sql) => tokenizeSql(sql).map((t) => t.text).join('') === sql));
  });

  test('the parameter tokens name exactly the parameters that are bound', () => {
    fc.assert(
      fc.property(sqlText, (sql) => {
        const names = ofKind(sql, 'parameter').map((t) => t.replace(/^'?\$/, '').replace(/'$/, ''));
        assert.deepEqual([...new Set(names)], findSqlParameters(sql));
      }),
      { numRuns: 2000 },
    );
  });
});
