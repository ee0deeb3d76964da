/**
 * CDNOW data for the clv-* node tests. Looks in $CLV_DATA_DIR, else <repo>/../shared/data, and
 * throws (failing the calling test) with the expected path when a file is missing: a silent skip
 * would let the reference checks pass without running.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function clvDataDir(): string {
  const env = process.env.CLV_DATA_DIR;
  return env && env.length > 0 ? path.resolve(env) : path.resolve(repoRoot, '../shared/data');
}

export function readCdnowFile(name: string): string {
  const file = path.join(clvDataDir(), 'cdnow', name);
  if (!existsSync(file)) {
    throw new Error(`CDNOW data file missing: expected ${file} (set CLV_DATA_DIR to the directory holding cdnow/)`);
  }
  return readFileSync(file, 'utf8');
}

/** 'YYYYMMDD' → 'YYYY-MM-DD'. */
const isoDate = (s: string): string => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;

export interface CdnowTransactions {
  customer: number[];
  ts: string[];
  amount: number[];
}

/** CDNOW_sample.txt: no header; master_id sample_id YYYYMMDD n_cds dollar_value. Keyed by sample_id. */
export function loadCdnowSample(): CdnowTransactions {
  return parseWhitespace(readCdnowFile('CDNOW_sample.txt'), false, 1, 2, 4);
}

/** CDNOW_master.txt: header line; customer_id YYYYMMDD n_cds dollar_value. */
export function loadCdnowMaster(): CdnowTransactions {
  return parseWhitespace(readCdnowFile('CDNOW_master.txt'), true, 0, 1, 3);
}

function parseWhitespace(text: string, header: boolean, idCol: number, dateCol: number, valueCol: number): CdnowTransactions {
  const out: CdnowTransactions = { customer: [], ts: [], amount: [] };
  const lines = text.split(/\r?\n/);
  for (let i = header ? 1 : 0; i < lines.length; i++) {
    const f = lines[i].trim().split(/\s+/);
    if (f.length < 3) continue;
    out.customer.push(Number(f[idCol]));
    out.ts.push(isoDate(f[dateCol]));
    out.amount.push(Number(f[valueCol]));
  }
  return out;
}

export interface CdnowSummary {
  id: number[];
  x: number[];
  tx: number[];
  T: number[];
  zbar: number[];
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (weeks, rounded to 2 dp). */
export function loadCdnowSummary(): CdnowSummary {
  const lines = readCdnowFile('cdnow_customers_summary_with_transactions.csv').split(/\r?\n/).filter((l) => l.trim());
  const head = lines[0].split(',').map((s) => s.trim().replace(/"/g, ''));
  const col = (name: string): number => {
    const k = head.indexOf(name);
    if (k < 0) throw new Error(`summary CSV has no column ${name}: ${head.join(',')}`);
    return k;
  };
  const [ci, cx, ctx, cT, cz] = ['ID', 'x', 't_x', 'T', 'zbar'].map(col);
  const out: CdnowSummary = { id: [], x: [], tx: [], T: [], zbar: [] };
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    out.id.push(Number(f[ci]));
    out.x.push(Number(f[cx]));
    out.tx.push(Number(f[ctx]));
    out.T.push(Number(f[cT]));
    out.zbar.push(Number(f[cz]));
  }
  return out;
}

/** CDNOW_sample.txt's sample_id → master customer id. */
export function cdnowSampleToMaster(): Map<number, number> {
  const map = new Map<number, number>();
  for (const line of readCdnowFile('CDNOW_sample.txt').split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length >= 5) map.set(Number(f[1]), Number(f[0]));
  }
  return map;
}
