/**
 * Shared by the cli-*.test.ts files: runs the real CLI (node bin/clv-kit.mjs) as a child process
 * with piped stdio, and locates the CDNOW files ($CLV_DATA_DIR, else <repo>/../shared/data),
 * throwing with the expected path when one is missing so a test fails instead of skipping.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'bin', 'clv-kit.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
    // Never inherit a request for the compiled build unless the test asks for it.
    if (!('CLV_KIT_FROM' in env)) delete childEnv.CLV_KIT_FROM;
    const child = spawn(process.execPath, [BIN, ...args], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

export function dataDir(): string {
  const env = process.env.CLV_DATA_DIR;
  return env && env.length > 0 ? path.resolve(env) : path.resolve(repoRoot, '../shared/data');
}

/** Absolute path of a CDNOW file; throws naming the expected path when it is missing. */
export function cdnowFile(name: string): string {
  const file = path.join(dataDir(), 'cdnow', name);
  if (!existsSync(file)) throw new Error(`CDNOW data file missing: expected ${file} (set CLV_DATA_DIR to the directory holding cdnow/)`);
  return file;
}

/** The sample's five columns and its mapping (sample_id is the customer, as in the summary CSV's ID). */
export const SAMPLE_MAPPING = ['--columns', 'master_id,sample_id,date,cds,amount', '--customer', 'sample_id', '--date', 'date', '--amount', 'amount'];

export function sampleArgs(): string[] {
  return ['--input', cdnowFile('CDNOW_sample.txt'), ...SAMPLE_MAPPING, '--calibration-end', '1997-09-30'];
}

export interface SummaryRow {
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv by ID (2-dp values, weeks). */
export function loadSummary(): Map<number, SummaryRow> {
  const lines = readFileSync(cdnowFile('cdnow_customers_summary_with_transactions.csv'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const head = lines[0]!.split(',');
  const col = (n: string) => head.indexOf(n);
  const rows = new Map<number, SummaryRow>();
  for (const line of lines.slice(1)) {
    const f = line.split(',').map(Number);
    rows.set(f[col('ID')]!, { x: f[col('x')]!, tx: f[col('t_x')]!, T: f[col('T')]!, zbar: f[col('zbar')]! });
  }
  return rows;
}

/** Parses the CLI's CSV output (RFC 4180 quotes, LF ends) into header-keyed records of raw text. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const tempDirs: string[] = [];
process.on('exit', () => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fresh directory under the OS temp dir, removed when the test process exits. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clv-cli-'));
  tempDirs.push(dir);
  return dir;
}
