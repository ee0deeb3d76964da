import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  detectColumnType,
  detectDateFormat,
  detectDelimiter,
  detectHeader,
  parseDate,
  parseNumber,
  sniffFormat,
} from '../../src/import/index.js';
import { splitRecords, RecordSplitter, type RecordBatch } from '../../src/import/parse.js';
import { uniqueColumnNames } from '../../src/import/detect.js';

test('format sniffing: magic bytes decide, the name only breaks a tie on tiny files', () => {
  assert.equal(sniffFormat('x.csv', new Uint8Array([0x1f, 0x8b, 8, 0])), 'gzip');
  assert.equal(sniffFormat('x.csv', new TextEncoder().encode('PAR1....')), 'parquet');
  assert.equal(sniffFormat('x.csv.gz', new TextEncoder().encode('a,b\n1,2')), 'text');
  assert.equal(sniffFormat('x.gz', new Uint8Array([0x1f])), 'gzip');
  assert.equal(sniffFormat('x.parquet', new Uint8Array([])), 'parquet');
});

test('delimiter detection', () => {
  assert.equal(detectDelimiter(['a,b,c', '1,2,3', '4,"x, y",6']), ',');
  assert.equal(detectDelimiter(['a\tb\tc', '1\t2 and more\t3']), '\t');
  assert.equal(detectDelimiter(['a;b;c', '1;2;12,5', '1;2;3,25']), ';');
  assert.equal(detectDelimiter(['a|b|c', '1|2|3']), '|');
  assert.equal(detectDelimiter([' customer_id  date number_of_cds  dollar_value', ' 00001  19970101  1  11.77', ' 00002  19970112  1  12.00']), 'whitespace');
  assert.equal(detectDelimiter(['1 2 3', '4  5\t6']), 'whitespace');
});

test('header detection', () => {
  const rows = (lines: string[], d: ',' | 'whitespace' = ',') => splitRecords(lines, d);
  assert.equal(detectHeader(rows(['customer,date,amount', 'A,2024-01-01,10.5', 'B,2024-01-02,3'])), true);
  assert.equal(detectHeader(rows(['A,2024-01-01,10.5', 'B,2024-01-02,3'])), false);
  assert.equal(detectHeader(rows([' 00004 0001 19970101  2   29.33', ' 00004 0001 19970118  2   29.73'], 'whitespace')), false);
  assert.equal(detectHeader(rows([' customer_id  date number_of_cds  dollar_value', ' 00001  19970101  1  11.77'], 'whitespace')), true);
  assert.equal(detectHeader(rows(['name,city', 'Ann,Paris', 'Bo,Oslo'])), true);
  assert.equal(detectHeader(rows(['Ann,Paris', 'Ann,Oslo'])), false);
  assert.equal(detectHeader(rows(['id,amount'])), true);
});

test('column types', () => {
  assert.deepEqual(detectColumnType(['1', '2', '-3']), { type: 'integer' });
  assert.deepEqual(detectColumnType(['1.5', '2', '1e3']), { type: 'number' });
  assert.deepEqual(detectColumnType(['00001', '00002']), { type: 'string' });
  assert.deepEqual(detectColumnType(['true', 'no', 'Y']), { type: 'boolean' });
  assert.deepEqual(detectColumnType(['19970101', '19980630']), { type: 'date', dateFormat: 'YYYYMMDD' });
  assert.deepEqual(detectColumnType(['12345678', '23456789']), { type: 'integer' });
  assert.deepEqual(detectColumnType(['2024-01-01 10:00:00', '2024-01-02 11:30']), { type: 'timestamp', dateFormat: 'YYYY-MM-DD HH:MM:SS' });
  assert.deepEqual(detectColumnType(['hello', '12']), { type: 'string' });
  assert.deepEqual(detectColumnType(['', '  ']), { type: 'string' });
  // One bad value in five does not hide the type (the row is rejected at import instead).
  assert.deepEqual(detectColumnType(['1.5', '2', '3', 'abc', '4']), { type: 'number' });
});

test('date formats: detection', () => {
  const f = (vs: string[]) => detectDateFormat(vs);
  assert.deepEqual(f(['20240101', '20241231']), { format: 'YYYYMMDD', ambiguous: false, withTime: false });
  assert.deepEqual(f(['2024-01-01', '2024-12-31']), { format: 'YYYY-MM-DD', ambiguous: false, withTime: false });
  assert.deepEqual(f(['2024-01-01 08:26', '2024-12-31 23:59:59']), { format: 'YYYY-MM-DD HH:MM:SS', ambiguous: false, withTime: true });
  assert.deepEqual(f(['2024-01-01T08:26:00Z', '2024-12-31T23:59:59.5+02:00']), { format: 'ISO', ambiguous: false, withTime: true });
  assert.deepEqual(f(['31/01/2024', '01/02/2024']), { format: 'DD/MM/YYYY', ambiguous: false, withTime: false });
  assert.deepEqual(f(['01/31/2024', '02/01/2024']), { format: 'MM/DD/YYYY', ambiguous: false, withTime: false });
  assert.deepEqual(f(['12/1/2010 8:26', '12/13/2010 17:05']), { format: 'MM/DD/YYYY', ambiguous: false, withTime: true });
  assert.deepEqual(f(['01/02/2024', '03/04/2024']), { format: 'MM/DD/YYYY', ambiguous: true, withTime: false });
  assert.deepEqual(f(['13.01.2024', '01.02.2024']), { format: 'DD/MM/YYYY', ambiguous: false, withTime: false });
  assert.equal(f(['hello', 'world']), null);
  assert.equal(f(['99999999', '12345678']), null);
  assert.equal(f([]), null);
});

test('date formats: parsing to UTC epoch ms, impossible dates rejected', () => {
  assert.equal(parseDate('19970101', 'YYYYMMDD'), Date.UTC(1997, 0, 1));
  assert.equal(parseDate('2024-02-29', 'YYYY-MM-DD'), Date.UTC(2024, 1, 29));
  assert.ok(Number.isNaN(parseDate('2023-02-29', 'YYYY-MM-DD')));
  assert.ok(Number.isNaN(parseDate('2024-13-01', 'YYYY-MM-DD')));
  assert.equal(parseDate('2010-12-01 08:26:00', 'YYYY-MM-DD HH:MM:SS'), Date.UTC(2010, 11, 1, 8, 26));
  assert.equal(parseDate('2010-12-01 8:26', 'YYYY-MM-DD HH:MM:SS'), Date.UTC(2010, 11, 1, 8, 26));
  assert.ok(Number.isNaN(parseDate('2010-12-01 24:00:00', 'YYYY-MM-DD HH:MM:SS')));
  assert.equal(parseDate('2024-01-01T00:30:00+01:00', 'ISO'), Date.UTC(2023, 11, 31, 23, 30));
  assert.equal(parseDate('2024-01-01T10:00:00.250Z', 'ISO'), Date.UTC(2024, 0, 1, 10, 0, 0, 250));
  assert.equal(parseDate('2024-01-01', 'ISO'), Date.UTC(2024, 0, 1));
  assert.equal(parseDate('31/12/2024', 'DD/MM/YYYY'), Date.UTC(2024, 11, 31));
  assert.equal(parseDate('12/1/2010 8:26', 'MM/DD/YYYY'), Date.UTC(2010, 11, 1, 8, 26));
  assert.ok(Number.isNaN(parseDate('12/31/2024', 'DD/MM/YYYY')));
  assert.ok(Number.isNaN(parseDate('', 'YYYYMMDD')));
});

test('numbers: strict, with currency symbols and thousands separators', () => {
  assert.equal(parseNumber(' 11.77 '), 11.77);
  assert.equal(parseNumber('-3'), -3);
  assert.equal(parseNumber('$1,234.50'), 1234.5);
  assert.equal(parseNumber('-£5'), -5);
  assert.equal(parseNumber('.5'), 0.5);
  assert.ok(Number.isNaN(parseNumber('')));
  assert.ok(Number.isNaN(parseNumber('0x1A')));
  assert.ok(Number.isNaN(parseNumber('12,5')));
  assert.ok(Number.isNaN(parseNumber('1,23')));
  assert.ok(Number.isNaN(parseNumber('abc')));
});

test('record splitting: CRLF, quoted line breaks and chunk boundaries anywhere', () => {
  const text = 'id,note\r\n1,"a\r\nb"\r\n2,"say ""hi"""\r\n\r\n3,plain';
  const expected = { texts: ['id,note', '1,"a\r\nb"', '2,"say ""hi"""', '', '3,plain'], lines: [1, 2, 4, 5, 6] };
  for (let size = 1; size <= text.length; size++) {
    const s = new RecordSplitter(true);
    const out: RecordBatch = { texts: [], lines: [] };
    for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size), out);
    s.end(out);
    assert.deepEqual(out, expected, `chunk size ${size}`);
  }
  assert.deepEqual(splitRecords(['1,"a\r\nb"', '2,"say ""hi"""', '3,plain'], ','), [
    ['1', 'a\r\nb'],
    ['2', 'say "hi"'],
    ['3', 'plain'],
  ]);
});

test('column names are made unique and non-empty', () => {
  assert.deepEqual(uniqueColumnNames(['a', '', 'a', 'a_2', ' b ']), ['a', 'column_2', 'a_2', 'a_2_2', 'b']);
});
