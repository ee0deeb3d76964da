/**
 * Where the CLI writes: records to stdout (buffered, respecting back-pressure), warnings to stderr
 * always, and progress to stderr only on a terminal, so a pipe or a log file receives no
 * carriage-return noise.
 */
import { once } from 'node:events';

/** The part of a Node stream the CLI uses; process.stdout / process.stderr in production. */
export interface OutStream {
  write(chunk: string): boolean;
  once(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
  removeListener(event: 'drain' | 'error', listener: (...args: unknown[]) => void): unknown;
  isTTY?: boolean;
}

export interface Streams {
  out: OutStream;
  err: OutStream;
}

const FLUSH_CHARS = 64 * 1024;

/** "1 row" / "3 rows": counts in messages. */
export const countOf = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;

/** Collects output text and hands it to the stream in chunks, waiting for 'drain' when the reader is slower. */
export class OutputWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: OutStream) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    // once() rejects on 'error' (e.g. EPIPE when the reader quits), which main() handles.
    if (!this.stream.write(chunk)) await once(this.stream as unknown as NodeJS.EventEmitter, 'drain');
  }
}

const CLEAR_LINE = '\r\x1b[K';
const MIN_INTERVAL_MS = 100;

/** Diagnostics on stderr: warnings always, progress (one rewritten line) only on a TTY. */
export class Reporter {
  private lastUpdate = 0;
  private lineShown = false;
  readonly progressEnabled: boolean;

  constructor(
    private readonly err: OutStream,
    progress: boolean = err.isTTY === true,
  ) {
    this.progressEnabled = progress;
  }

  /**
   * Rewrites the progress line; calls closer together than 100 ms are dropped unless forced. A
   * function is only called when the line is drawn, so hot loops pay nothing off a terminal.
   */
  progress(text: string | (() => string), force = false): void {
    if (!this.progressEnabled) return;
    const now = Date.now();
    if (!force && now - this.lastUpdate < MIN_INTERVAL_MS) return;
    this.lastUpdate = now;
    this.err.write(`${CLEAR_LINE}${typeof text === 'string' ? text : text()}`);
    this.lineShown = true;
  }

  /** Removes the progress line (before a warning, or when the step is over). */
  clearProgress(): void {
    if (!this.lineShown) return;
    this.err.write(CLEAR_LINE);
    this.lineShown = false;
  }

  /** A line on stderr that stays, prefixed with the program name. */
  warn(message: string): void {
    this.clearProgress();
    this.err.write(`clv-kit: ${message}\n`);
  }
}
