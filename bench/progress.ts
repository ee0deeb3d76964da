/**
 * Progress lines on stderr while the benchmarks run (stdout carries only the summary).
 * On a terminal the running step is one line updated in place and replaced by its result;
 * elsewhere (CI logs, pipes) each step prints a start line and a result line.
 */
export class Progress {
  private readonly tty: boolean;
  private live = '';
  private step = 0;
  private label = '';
  private started = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY) && process.env.TERM !== 'dumb';
  }

  private clearLive(): void {
    if (this.tty && this.live) this.out.write('\r\x1b[K');
  }

  /** Redraws the live line; a long label is shortened so the status at the end stays visible. */
  private drawLive(label: string, status: string): void {
    // A pseudo-terminal may report 0 columns: assume a usual width then.
    const columns = this.out.columns;
    const width = (columns && columns >= 40 ? columns : 120) - 1;
    const room = Math.max(8, width - status.length);
    const head = label.length > room ? `${label.slice(0, room - 1)}…` : label;
    this.live = `${head}${status}`.slice(0, width);
    this.out.write(`\r\x1b[K${this.live}`);
  }

  private prefix(): string {
    const w = String(this.total).length;
    return `[${String(this.step).padStart(w)}/${this.total}] ${this.label}`;
  }

  private elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(1)}s`;
  }

  begin(label: string): void {
    this.step++;
    this.label = label;
    this.started = performance.now();
    if (this.tty) this.drawLive(this.prefix(), ' …');
    else this.out.write(`${this.prefix()} …\n`);
  }

  /** Progress inside the running step (shown on a terminal only, to keep logs short). */
  update(text: string): void {
    if (this.tty) this.drawLive(this.prefix(), ` … ${text} (${this.elapsed()})`);
  }

  end(result: string): void {
    this.clearLive();
    this.live = '';
    this.out.write(`${this.prefix()}: ${result} (${this.elapsed()})\n`);
  }

  fail(message: string): void {
    this.clearLive();
    this.live = '';
    this.out.write(`${this.prefix()}: ERROR ${message} (${this.elapsed()})\n`);
  }

  /** A message outside the step lines (warnings from vite or the page); the live line is redrawn after it. */
  note(message: string): void {
    this.clearLive();
    this.out.write(`  ${message}\n`);
    if (this.tty && this.live) this.out.write(this.live);
  }
}
