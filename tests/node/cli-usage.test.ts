// clv-kit's command line itself, run as a child process: help lists every command and flag, and
// each kind of mistake exits non-zero (2 usage, 1 data) with a message naming the flag or file,
// leaving stdout empty.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cdnowFile, repoRoot, runCli, SAMPLE_MAPPING, sampleArgs, tempDir } from './cli-support.js';

const MAPPING_FLAGS = ['--input', '--customer', '--date', '--amount', '--columns', '--help'];
const FLAGS: Record<string, string[]> = {
  rfm: ['--calibration-end', '--time-unit', '--format'],
  fit: ['--calibration-end', '--time-unit'],
  predict: ['--calibration-end', '--time-unit', '--horizon', '--period-length', '--discount', '--bgnbd', '--gg', '--format'],
  deciles: ['--category', '--as-of', '--windows', '--window-mode', '--format'],
};

describe('clv-kit --help', { concurrency: true }, () => {
  it('the overview lists every command and every flag, states the defaults, exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCli([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
      for (const command of Object.keys(FLAGS)) assert.match(r.stdout, new RegExp(`clv-kit ${command} `), command);
      for (const f of new Set([...MAPPING_FLAGS, ...Object.values(FLAGS).flat()])) assert.ok(r.stdout.includes(f), `overview lacks ${f}`);
      assert.match(r.stdout, /Default: weeks/);
      assert.match(r.stdout, /Default: csv/);
      assert.match(r.stdout, /2 {2}usage error/);
    }
  });

  for (const [command, flags] of Object.entries(FLAGS)) {
    it(`clv-kit ${command} --help lists its flags (other flags need not be valid)`, async () => {
      const r = await runCli([command, '--bogus', '--help']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith(`clv-kit ${command}:`));
      for (const f of [...MAPPING_FLAGS, ...flags]) assert.ok(r.stdout.includes(f), `${command} help lacks ${f}`);
    });
  }

  it('no command: the overview on stderr, exit 2', async () => {
    const r = await runCli([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /a command is required/);
  });
});

interface Case {
  name: string;
  args: () => string[];
  code: number;
  message: RegExp;
}

const dir = tempDir();
const empty = path.join(dir, 'returns.csv');
writeFileSync(empty, 'customer,date,amount\na,2024-01-01,-5\nb,2024-01-02,oops\n');
const undated = path.join(dir, 'undated.csv');
writeFileSync(undated, 'customer,date,amount\na,soon,5\nb,later,6\n');

const CASES: Case[] = [
  { name: 'unknown command', args: () => ['predictt'], code: 2, message: /unknown command "predictt"/ },
  { name: 'missing --input', args: () => ['rfm', '--calibration-end', '1997-09-30'], code: 2, message: /--input is required/ },
  {
    name: 'missing --calibration-end',
    args: () => ['fit', '--input', cdnowFile('CDNOW_sample.txt')],
    code: 2,
    message: /--calibration-end is required/,
  },
  { name: 'repeated flag', args: () => ['rfm', ...sampleArgs(), '--calibration-end', '1997-10-31'], code: 2, message: /--calibration-end is given more than once/ },
  { name: 'bad date', args: () => ['rfm', '--input', cdnowFile('CDNOW_sample.txt'), '--calibration-end', '30/09/1997'], code: 2, message: /--calibration-end must be a calendar date YYYY-MM-DD; got "30\/09\/1997"/ },
  {
    name: 'not a calendar date',
    args: () => ['rfm', '--input', cdnowFile('CDNOW_sample.txt'), '--calibration-end', '1997-02-30'],
    code: 2,
    message: /--calibration-end must be a calendar date YYYY-MM-DD; got "1997-02-30"/,
  },
  { name: 'bad --as-of', args: () => ['deciles', '--input', cdnowFile('CDNOW_sample.txt'), '--as-of', '1998/07/01'], code: 2, message: /--as-of must be a calendar date/ },
  {
    name: 'N not a multiple of L',
    args: () => ['predict', ...sampleArgs(), '--horizon', '39', '--period-length', '5'],
    code: 2,
    message: /--horizon 39 is not a whole multiple of --period-length 5/,
  },
  { name: 'missing --horizon', args: () => ['predict', ...sampleArgs()], code: 2, message: /--horizon is required/ },
  { name: 'bad --horizon', args: () => ['predict', ...sampleArgs(), '--horizon', '0x10'], code: 2, message: /--horizon must be a number > 0; got "0x10"/ },
  { name: 'bad --discount', args: () => ['predict', ...sampleArgs(), '--horizon', '4', '--discount=-1'], code: 2, message: /--discount must be a number > -1/ },
  { name: 'bad --bgnbd', args: () => ['predict', ...sampleArgs(), '--horizon', '4', '--bgnbd', '1,2,3,-4'], code: 2, message: /--bgnbd must be 4 comma-separated numbers > 0/ },
  {
    name: '--gg with q ≤ 1',
    args: () => ['predict', ...sampleArgs(), '--horizon', '4', '--bgnbd', '1,2,3,4', '--gg', '6,0.9,15'],
    code: 2,
    message: /--gg: Gamma-Gamma q = 0.9 ≤ 1/,
  },
  { name: 'unknown flag', args: () => ['rfm', ...sampleArgs(), '--bogus', '1'], code: 2, message: /unknown flag --bogus for "clv-kit rfm"/ },
  { name: 'flag of another command', args: () => ['fit', ...sampleArgs(), '--format', 'json'], code: 2, message: /unknown flag --format for "clv-kit fit"/ },
  { name: 'bad --format', args: () => ['rfm', ...sampleArgs(), '--format', 'xlsx'], code: 2, message: /--format must be one of csv, json; got "xlsx"/ },
  { name: 'bad --time-unit', args: () => ['rfm', ...sampleArgs(), '--time-unit', 'months'], code: 2, message: /--time-unit must be one of weeks, days/ },
  { name: 'stray argument', args: () => ['rfm', 'CDNOW_sample.txt'], code: 2, message: /unexpected argument "CDNOW_sample.txt"/ },
  { name: 'headerless file without mapping', args: () => ['rfm', '--input', cdnowFile('CDNOW_sample.txt'), '--calibration-end', '1997-09-30'], code: 2, message: /pass --customer COL.*--columns/ },
  {
    name: 'mapped column not in the file',
    args: () => ['rfm', '--input', cdnowFile('CDNOW_master.txt'), '--amount', 'dollars', '--calibration-end', '1997-09-30'],
    code: 2,
    message: /--amount: there is no column "dollars" in .*CDNOW_master\.txt; its columns are customer_id, date, number_of_cds, dollar_value/,
  },
  { name: 'missing file', args: () => ['rfm', '--input', path.join(dir, 'nope.csv'), '--calibration-end', '2024-01-01'], code: 1, message: /cannot read .*nope\.csv: no such file/ },
  { name: 'directory as file', args: () => ['rfm', '--input', dir, '--calibration-end', '2024-01-01'], code: 1, message: /cannot read .*: it is a directory/ },
  { name: 'no usable rows', args: () => ['rfm', '--input', empty, '--calibration-end', '2024-12-31'], code: 1, message: /returns\.csv has no usable purchase rows \(e\.g\. .*returns\.csv:3: amount "oops" is not a number\)/ },
  { name: 'dates in no known format', args: () => ['rfm', '--input', undated, '--calibration-end', '2024-12-31'], code: 1, message: /undated\.csv: .*are in no recognised format/ },
  {
    name: 'calibration end before every purchase',
    args: () => ['fit', '--input', cdnowFile('CDNOW_sample.txt'), ...SAMPLE_MAPPING, '--calibration-end', '1990-01-01'],
    code: 1,
    message: /no customer in .*CDNOW_sample\.txt made a first purchase on or before --calibration-end 1990-01-01 \(purchases run 1997-01-01 to 1998-06-30\)/,
  },
];

describe('clv-kit errors: exit status and a message naming the problem', { concurrency: true }, () => {
  for (const c of CASES) {
    it(`${c.name} → exit ${c.code}`, async () => {
      const r = await runCli(c.args());
      assert.equal(r.code, c.code, `exit status; stderr: ${r.stderr}`);
      assert.equal(r.stdout, '', 'nothing on stdout');
      assert.match(r.stderr, c.message);
      if (c.code === 2) assert.match(r.stderr, /Run "clv-kit( \w+)? --help" for usage\./);
    });
  }
});

describe('bin/clv-kit.mjs', () => {
  it('CLV_KIT_FROM=dist runs the compiled build when there is one, else says how to get it', async () => {
    const r = await runCli(['--help'], { CLV_KIT_FROM: 'dist' });
    if (existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /clv-kit rfm/);
    } else {
      assert.equal(r.code, 1);
      assert.match(r.stderr, /dist\/cli\.js is missing.*npm run build/);
    }
  });
});
