// The CLI's CSV cells: RFC 4180 quoting, formula neutralising for text only (numbers, negative
// ones included, stay numeric), and JSON's null for non-finite numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, writeRecords } from '../../src/cli/format.js';
import { OutputWriter, type OutStream } from '../../src/cli/io.js';

test('text starting with = + - @ tab or CR gets a leading quote; numbers never do', () => {
  assert.equal(csvCell('=1+2'), "'=1+2");
  assert.equal(csvCell('+44 20'), "'+44 20");
  assert.equal(csvCell('-12'), "'-12");
  assert.equal(csvCell('@A1'), "'@A1");
  assert.equal(csvCell('\tx'), "'\tx");
  assert.equal(csvCell('\rx'), `"'\rx"`);
  assert.equal(csvCell('a=b'), 'a=b');
  assert.equal(csvCell(-3.5), '-3.5');
  assert.equal(csvCell(-0.000001), '-0.000001');
  assert.equal(csvCell(1e21), '1e+21');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(null), '');
});

test('RFC 4180: quotes around commas, quotes and line breaks; inner quotes doubled', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=a,"b"'), `"'=a,""b"""`);
  assert.equal(csvCell('plain'), 'plain');
});

function sink(): { stream: OutStream; text: () => string } {
  const parts: string[] = [];
  const stream: OutStream = { write: (c) => (parts.push(c), true), once: () => undefined, removeListener: () => undefined };
  return { stream, text: () => parts.join('') };
}

test('writeRecords: CSV header + rows; JSON array, one object a line, null for non-finite', async () => {
  const csv = sink();
  await writeRecords(new OutputWriter(csv.stream), 'csv', ['id', 'v'], [['-1', -1], ['x', 2.5]]);
  assert.equal(csv.text(), "id,v\n'-1,-1\nx,2.5\n");
  const json = sink();
  await writeRecords(new OutputWriter(json.stream), 'json', ['id', 'v'], [['-1', -1], ['x', Number.POSITIVE_INFINITY]]);
  assert.equal(json.text(), '[\n{"id":"-1","v":-1},\n{"id":"x","v":null}\n]\n');
  assert.deepEqual(JSON.parse(json.text()), [{ id: '-1', v: -1 }, { id: 'x', v: null }]);
  const empty = sink();
  await writeRecords(new OutputWriter(empty.stream), 'json', ['id'], []);
  assert.equal(empty.text(), '[]\n');
});
