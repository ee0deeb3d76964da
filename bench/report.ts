/**
 * The pure part of the benchmarks: statistics over timed runs, entries with throughput and ratios
 * against a baseline measured in the same run, the JSON document and the text table.
 * No I/O and no clocks here, so it runs (and is tested) anywhere.
 */

export type Environment = 'node' | 'chromium';

/** Version 2 added `sizes`. */
export const REPORT_SCHEMA = 'clv-kit-bench/2';

/** Identifies one benchmark in one environment ("decile query" in chromium). */
export interface EntryRef {
  name: string;
  environment: Environment;
}

/** What a benchmark run produces before it is related to others. */
export interface Measurement extends EntryRef {
  /** What was measured and on which engine, in words (shown in the JSON, not the table). */
  detail: string;
  /** Wall time of each warm run, in milliseconds (the warm-up run is not included). */
  samplesMs: number[];
  /** Wall time of the warm-up run, in milliseconds. */
  warmupMs: number;
  /** Work done by one run, for a throughput figure ("1000000 tx"): omitted when a rate means nothing. */
  work?: { count: number; unit: string };
  /** The entry this one is compared with; ratio = this median / baseline median. */
  baseline?: EntryRef;
  /** Each sample is the mean of this many back-to-back calls (for sub-millisecond work). */
  batch?: number;
  /** The machine's 1-minute load average when the benchmark finished (other work skews timings). */
  loadAverage?: number;
}

export interface Throughput {
  /** Units of work per second, from the median. */
  perSecond: number;
  unit: string;
}

export interface BenchEntry extends EntryRef {
  detail: string;
  iterations: number;
  medianMs: number;
  minMs: number;
  warmupMs: number;
  samplesMs: number[];
  batch: number;
  throughput: Throughput | null;
  /** "name@environment" of the baseline, or null for an entry that is not compared. */
  baseline: string | null;
  /** medianMs / baseline medianMs; null when there is no baseline or it did not run. */
  ratio: number | null;
  /** minMs / baseline minMs: the best runs compared, which a busy machine disturbs least. */
  minRatio: number | null;
  loadAverage: number | null;
}

export interface BenchError extends EntryRef {
  message: string;
}

/** A result cross-check (e.g. both engines return the same deciles); a failed check is an error. */
export interface BenchCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface EnvironmentInfo {
  [key: string]: string | number | boolean | null;
}

/** One file of a bundle-size figure, as a browser fetches it. */
export interface SizeFile {
  file: string;
  bytes: number;
  /** gzip (level 9) of this file alone. */
  gzipBytes: number;
}

/** What the bundle-size step measures: a named group of files, optionally compared with another group. */
export interface SizeMeasurement {
  name: string;
  /** What the figure includes, in words. */
  detail: string;
  files: SizeFile[];
  /** Name of the figure this one is compared with (gzip ratio = this gzip / baseline gzip). */
  baseline?: string;
}

export interface SizeEntry {
  name: string;
  detail: string;
  files: SizeFile[];
  bytes: number;
  gzipBytes: number;
  baseline: string | null;
  /** gzipBytes / baseline gzipBytes; null without a baseline, or when it was not measured. */
  gzipRatio: number | null;
}

export interface BenchReport {
  schema: typeof REPORT_SCHEMA;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  mode: 'full' | 'quick';
  /** Sizes, seed and other settings of the run. */
  config: Record<string, string | number | boolean | null>;
  environments: Partial<Record<Environment, EnvironmentInfo>>;
  entries: BenchEntry[];
  /** Bundle sizes (bytes, not times). */
  sizes: SizeEntry[];
  checks: BenchCheck[];
  errors: BenchError[];
}

// ---------------------------------------------------------------- statistics

function sortedCopy(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('no samples');
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`not a finite sample: ${v}`);
  return [...values].sort((a, b) => a - b);
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const s = sortedCopy(values);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function min(values: readonly number[]): number {
  return sortedCopy(values)[0];
}

export const refKey = (r: EntryRef): string => `${r.name}@${r.environment}`;

// ---------------------------------------------------------------- entries

/** Turns measurements into entries: median, min, throughput, and the ratio to each baseline present. */
export function buildEntries(measurements: readonly Measurement[]): BenchEntry[] {
  const seen = new Set<string>();
  for (const m of measurements) {
    const key = refKey(m);
    if (seen.has(key)) throw new Error(`duplicate benchmark ${key}`);
    seen.add(key);
  }
  const base = measurements.map((m) => {
    const medianMs = median(m.samplesMs);
    const throughput: Throughput | null =
      m.work && medianMs > 0 ? { perSecond: m.work.count / (medianMs / 1000), unit: `${m.work.unit}/s` } : null;
    return { m, medianMs, minMs: min(m.samplesMs), throughput };
  });
  const byKey = new Map(base.map((b) => [refKey(b.m), b]));
  const ratio = (a: number, b: number | undefined) => (b !== undefined && b > 0 ? a / b : null);
  return base.map(({ m, medianMs, minMs, throughput }) => {
    const baseline = m.baseline ? byKey.get(refKey(m.baseline)) : undefined;
    return {
      name: m.name,
      environment: m.environment,
      detail: m.detail,
      iterations: m.samplesMs.length,
      medianMs,
      minMs,
      warmupMs: m.warmupMs,
      samplesMs: [...m.samplesMs],
      batch: m.batch ?? 1,
      throughput,
      baseline: m.baseline ? refKey(m.baseline) : null,
      ratio: ratio(medianMs, baseline?.medianMs),
      minRatio: ratio(minMs, baseline?.minMs),
      loadAverage: m.loadAverage ?? null,
    };
  });
}

/** Sums each figure's files and relates its gzip size to its baseline's. */
export function buildSizeEntries(measurements: readonly SizeMeasurement[]): SizeEntry[] {
  const seen = new Set<string>();
  for (const m of measurements) {
    if (seen.has(m.name)) throw new Error(`duplicate size ${m.name}`);
    seen.add(m.name);
    if (m.files.length === 0) throw new RangeError(`size ${m.name} has no files`);
    for (const f of m.files) {
      if (!Number.isInteger(f.bytes) || f.bytes < 0 || !Number.isInteger(f.gzipBytes) || f.gzipBytes < 0)
        throw new RangeError(`size ${m.name}: ${f.file} has no valid byte counts`);
    }
  }
  const sum = (files: readonly SizeFile[], key: 'bytes' | 'gzipBytes') => files.reduce((n, f) => n + f[key], 0);
  const gzipOf = new Map(measurements.map((m) => [m.name, sum(m.files, 'gzipBytes')]));
  return measurements.map((m) => {
    const gzipBytes = sum(m.files, 'gzipBytes');
    const base = m.baseline === undefined ? undefined : gzipOf.get(m.baseline);
    return {
      name: m.name,
      detail: m.detail,
      files: m.files.map((f) => ({ ...f })),
      bytes: sum(m.files, 'bytes'),
      gzipBytes,
      baseline: m.baseline ?? null,
      gzipRatio: base !== undefined && base > 0 ? gzipBytes / base : null,
    };
  });
}

/** The file name of a run's report: bench-2026-11-29T10-21-33Z.json (sortable, no colons). */
export function reportFileName(startedAt: Date): string {
  const iso = startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
  return `bench-${iso}.json`;
}

// ---------------------------------------------------------------- formatting

/** A duration with a unit that keeps 3–4 significant digits: "12.3 µs", "104.2 ms", "3.41 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const abs = Math.abs(ms);
  if (abs < 1) return `${(ms * 1000).toFixed(abs < 0.01 ? 2 : 1)} µs`;
  if (abs < 1000) return `${ms.toFixed(abs < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A byte count with a decimal prefix and 3–4 significant digits: "850 B", "128.0 kB", "34.24 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const abs = Math.abs(bytes);
  if (abs < 1000) return `${Math.round(bytes)} B`;
  // 999,960 B would round to "1000.0 kB": from there on it is MB.
  const [scaled, unit] = abs < 999_950 ? [bytes / 1e3, 'kB'] : [bytes / 1e6, 'MB'];
  return `${scaled.toFixed(Math.abs(scaled) < 100 ? 2 : 1)} ${unit}`;
}

/** A rate with an SI prefix: "2.85 M tx/s", "412 k rows/s", "950 queries/s". */
export function formatRate(t: Throughput | null): string {
  if (!t || !Number.isFinite(t.perSecond)) return '—';
  const v = t.perSecond;
  const [scaled, prefix] = v >= 1e9 ? [v / 1e9, 'G'] : v >= 1e6 ? [v / 1e6, 'M'] : v >= 1e3 ? [v / 1e3, 'k'] : [v, ''];
  const digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  return `${scaled.toFixed(digits)} ${prefix}${t.unit}`;
}

/** "2.31×", "14.2×", "0.0042×": at least two significant digits. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  if (ratio >= 100) return `${ratio.toFixed(0)}×`;
  if (ratio >= 10) return `${ratio.toFixed(1)}×`;
  if (ratio >= 0.1 || ratio === 0) return `${ratio.toFixed(2)}×`;
  return `${ratio.toPrecision(2)}×`;
}

type Align = 'left' | 'right';

/** A plain-text table: header, a rule, rows; columns padded to their widest cell. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const TABLE_HEADERS = ['benchmark', 'env', 'runs', 'median', 'min', 'warm-up', 'throughput', 'baseline', 'ratio', 'min ratio'] as const;
const TABLE_ALIGN: Align[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'];

/** The summary table of entries (ratios are this/baseline: above 1× is slower than the baseline). */
export function formatEntriesTable(entries: readonly BenchEntry[]): string {
  const rows = entries.map((e) => [
    e.name,
    e.environment,
    e.batch > 1 ? `${e.iterations}×${e.batch}` : String(e.iterations),
    formatDuration(e.medianMs),
    formatDuration(e.minMs),
    formatDuration(e.warmupMs),
    formatRate(e.throughput),
    e.baseline ?? '—',
    formatRatio(e.ratio),
    formatRatio(e.minRatio),
  ]);
  return renderTable(TABLE_HEADERS, rows, TABLE_ALIGN);
}

const SIZE_HEADERS = ['size', 'files', 'bytes', 'gzip', 'baseline', 'gzip ratio'] as const;
const SIZE_ALIGN: Align[] = ['left', 'right', 'right', 'right', 'left', 'right'];

/** The table of bundle sizes (gzip ratio = this gzip / baseline gzip). */
export function formatSizesTable(sizes: readonly SizeEntry[]): string {
  const rows = sizes.map((s) => [
    s.name,
    String(s.files.length),
    formatBytes(s.bytes),
    formatBytes(s.gzipBytes),
    s.baseline ?? '—',
    formatRatio(s.gzipRatio),
  ]);
  return renderTable(SIZE_HEADERS, rows, SIZE_ALIGN);
}

/** The closing summary: the timings, the sizes, then checks and errors, each on its own line. */
export function formatSummary(report: BenchReport): string {
  const parts: string[] = [];
  parts.push(report.entries.length > 0 ? formatEntriesTable(report.entries) : '(no benchmark completed)');
  parts.push(
    'ratio = median / baseline median, min ratio = min / baseline min, both measured in this run (above 1× = slower than the baseline)',
  );
  if (report.sizes.length > 0) {
    parts.push('', formatSizesTable(report.sizes), 'sizes in bytes (1 kB = 1000 B); gzip = gzip level 9 of each file, summed; gzip ratio = gzip / baseline gzip');
  }
  if (report.checks.length > 0) {
    parts.push('', 'checks:');
    for (const c of report.checks) parts.push(`  ${c.ok ? 'ok    ' : 'FAILED'} ${c.name}: ${c.detail}`);
  }
  if (report.errors.length > 0) {
    parts.push('', `errors (${report.errors.length}):`);
    for (const e of report.errors) parts.push(`  ${refKey(e)}: ${e.message}`);
  }
  return parts.join('\n');
}

/** True when the run had no error and no failed check (slowness never fails a run). */
export function reportSucceeded(report: Pick<BenchReport, 'errors' | 'checks'>): boolean {
  return report.errors.length === 0 && report.checks.every((c) => c.ok);
}
