// Raw-SQL named parameters: the tokenizer finds '$NAME' / $NAME only where SQL would see them,
// and binding always turns them into positional placeholders with the values listed apart.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bindNamedParameters, findSqlParameters } from '../../src/query/sql-params.js';
import { AdapterError } from '../../src/contracts/errors.js';

describe('findSqlParameters', () => {
  test('finds quoted and bare parameters, unique, in order of appearance', () => {
    const sql = "SELECT * FROM t WHERE d >= '$START_DATE' AND d < $END_DATE AND c = '$START_DATE' AND n > $min_n";
    assert.deepEqual(findSqlParameters(sql), ['START_DATE', 'END_DATE', 'min_n']);
  });

  test("a '$X' inside a longer string literal is not a parameter", () => {
    assert.deepEqual(findSqlParameters("SELECT 'costs $X today', ' $Y', '$Z ', '$$W' FROM t"), []);
  });

  test('ignores comments, quoted identifiers and dollar-quoted strings', () => {
    const sql = [
      'SELECT "$col", "a""$B" -- $C here',
      "/* '$D' $E /* nested $F */ still $G */ $$ '$H' $I $$, $tag$ $J $tag$,",
      "E'it\\'s $K', X'$L', 'it''s', '$M'",
    ].join('\n');
    assert.deepEqual(findSqlParameters(sql), ['M']);
  });

  test('ignores positional $1, identifiers containing $ and a lone $', () => {
    assert.deepEqual(findSqlParameters('SELECT $1, a$b, $ FROM t WHERE x = $ok'), ['ok']);
  });

  test('an unterminated string or comment hides what follows', () => {
    assert.deepEqual(findSqlParameters("SELECT $A, 'abc $B"), ['A']);
    assert.deepEqual(findSqlParameters('SELECT $A /* $B'), ['A']);
    assert.deepEqual(findSqlParameters("SELECT '$A"), []);
  });
});

describe('bindNamedParameters', () => {
  test('replaces each occurrence with ? and lists values in order, repeats included', () => {
    const r = bindNamedParameters("SELECT * FROM t WHERE a = '$A' AND b BETWEEN $B AND '$A' -- '$A'", { A: 'x', B: 3, unused: true });
    assert.equal(r.sql, "SELECT * FROM t WHERE a = ? AND b BETWEEN ? AND ? -- '$A'");
    assert.deepEqual(r.params, ['x', 3, 'x']);
  });

  test('a typed literal DATE/TIMESTAMP/TIME becomes a CAST', () => {
    const r = bindNamedParameters("SELECT DATE '$D', timestamp   '$T', TIME /* c */ '$U', d >= '$D'", { D: '2024-01-01', T: '2024-01-01 10:00:00', U: '10:00' });
    assert.equal(r.sql, 'SELECT CAST(? AS DATE), CAST(? AS TIMESTAMP), CAST(? AS TIME), d >= ?');
    assert.deepEqual(r.params, ['2024-01-01', '2024-01-01 10:00:00', '10:00', '2024-01-01']);
  });

  test('null is a value; a missing value is an invalid_request naming the parameter', () => {
    assert.deepEqual(bindNamedParameters('SELECT $A', { A: null }).params, [null]);
    assert.throws(
      () => bindNamedParameters("SELECT '$A', $B", { A: 1 }),
      (e: unknown) => e instanceof AdapterError && e.code === 'invalid_request' && e.message === 'parameter $B needs a value' && e.field === 'params.B',
    );
    assert.throws(() => bindNamedParameters('SELECT $toString', {}), /parameter \$toString needs a value/);
  });

  test('an injection attempt stays a bound value', () => {
    const evil = "x'; DROP TABLE t; --";
    const r = bindNamedParameters("SELECT * FROM t WHERE name = '$NAME'", { NAME: evil });
    assert.equal(r.sql, 'SELECT * FROM t WHERE name = ?');
    assert.deepEqual(r.params, [evil]);
  });

  test('text without parameters is returned unchanged', () => {
    const sql = "SELECT 'a''b', \"c\" FROM t -- done";
    assert.deepEqual(bindNamedParameters(sql, {}), { sql, params: [] });
  });
});

// ---- property tests: SQL assembled from fragments whose parameters are known in advance
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
const text = fc.string({ unit: fc.constantFrom('a', ' ', '$', "'", '"', '-', '*', '/', '\n', 'x', '1', 'é') });
const noClose = (close: string) => text.filter((s) => !s.includes(close));

type Fragment = { sql: string; param?: string; bound?: string };
const fragment: fc.Arbitrary<Fragment> = fc.oneof(
  name.map((n) => ({ sql: `'$${n}'`, param: n, bound: '?' })),
  name.map((n) => ({ sql: `$${n}`, param: n, bound: '?' })),
  fc.constantFrom('SELECT', 'FROM t', 'WHERE', 'a = 1', ',', '(', ')', '+', '::INTEGER', 'AND', '$1').map((s) => ({ sql: s })),
  text.map((s) => ({ sql: `'${s.replaceAll("'", "''")}'` })).filter((f) => !/^'\$[A-Za-z_][A-Za-z0-9_]*'$/.test(f.sql)),
  text.map((s) => ({ sql: `"${s.replaceAll('"', '""')}"` })),
  noClose('\n').map((s) => ({ sql: `-- ${s}\n` })),
  noClose('*/').filter((s) => !s.includes('/*') && !s.endsWith('*') && !s.endsWith('/')).map((s) => ({ sql: `/* ${s} */` })),
  noClose('$q$').filter((s) => !s.endsWith('$') && !s.endsWith('$q')).map((s) => ({ sql: `$q$${s}$q$` })),
);

describe('bindNamedParameters properties', () => {
  test('finds exactly the planted parameters and binds them in order', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), fc.dictionary(name, fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null))), (frags, given) => {
        const sql = frags.map((f) => f.sql).join(' ');
        const planted = frags.filter((f) => f.param).map((f) => f.param!);
        assert.deepEqual(findSqlParameters(sql), [...new Set(planted)]);
        const values = Object.fromEntries(planted.map((p) => [p, Object.prototype.hasOwnProperty.call(given, p) ? given[p]! : p]));
        const r = bindNamedParameters(sql, values);
        assert.equal(r.sql, frags.map((f) => f.bound ?? f.sql).join(' '));
        assert.deepEqual(r.params, planted.map((p) => values[p]));
      }),
      { numRuns: 500 },
    );
  });

  test('the SQL text never depends on the values', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 15 }), fc.string(), fc.string(), (frags, v1, v2) => {
        const sql = frags.map((f) => f.sql).join(' ');
        const names = findSqlParameters(sql);
        const a = bindNamedParameters(sql, Object.fromEntries(names.map((n) => [n, v1])));
        const b = bindNamedParameters(sql, Object.fromEntries(names.map((n) => [n, v2])));
        assert.equal(a.sql, b.sql);
        assert.ok(a.params.every((p) => p === v1));
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on arbitrary text when every name has a value', () => {
    fc.assert(
      fc.property(text, (s) => {
        const names = findSqlParameters(s);
        const r = bindNamedParameters(s, Object.fromEntries(names.map((n) => [n, 1])));
        assert.ok(r.params.length >= names.length);
      }),
      { numRuns: 1000 },
    );
  });
});
