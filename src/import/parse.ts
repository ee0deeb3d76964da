import Papa from 'papaparse';
import { AdapterError } from '../contracts/errors.js';
import { TransactionBuilder, type BuildResult } from './build.js';
import type { DateFormat } from './date-formats.js';
import { uniqueColumnNames, type Delimiter } from './detect.js';
import type { ImportMapping } from './mapping.js';

/**
 * Text tables (CSV, TSV, whitespace-separated) parsed as they stream in: records are cut at line
 * ends outside quotes, a batch at a time, and each batch is split into fields by papaparse (or by
 * whitespace runs), so memory holds the output plus one chunk of input.
 */

/** A batch of complete records and the 1-based line each starts on. */
export interface RecordBatch {
  texts: string[];
  lines: number[];
}

/**
 * Cuts text into records at "\n" outside double quotes (RFC 4180: a quoted field may hold line
 * breaks and doubled quotes, which keep the quote count even). A trailing "\r" is dropped, so CRLF
 * and LF files read alike. Quotes are ignored for whitespace-separated text, which has no quoting.
 */
export class RecordSplitter {
  private buf = '';
  private pos = 0;
  private inQuote = false;
  private line = 1;
  private innerBreaks = 0;

  constructor(private readonly quoting: boolean) {}

  push(chunk: string, out: RecordBatch): void {
    const s = this.buf + chunk;
    let start = 0;
    let pos = this.pos;
    let nextQuote = this.quoting ? s.indexOf('"', pos) : -1;
    for (;;) {
      const nl = s.indexOf('\n', pos);
      if (nl < 0) break;
      while (nextQuote >= 0 && nextQuote < nl) {
        this.inQuote = !this.inQuote;
        nextQuote = s.indexOf('"', nextQuote + 1);
      }
      pos = nl + 1;
      if (this.inQuote) {
        this.innerBreaks++;
        continue;
      }
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      out.texts.push(s.slice(start, end));
      out.lines.push(this.line);
      this.line += 1 + this.innerBreaks;
      this.innerBreaks = 0;
      start = pos;
    }
    this.buf = s.slice(start);
    this.pos = pos - start;
  }

  /** The last record when the text does not end with a line break. */
  end(out: RecordBatch): void {
    if (this.buf === '') return;
    const t = this.buf.endsWith('\r') ? this.buf.slice(0, -1) : this.buf;
    out.texts.push(t);
    out.lines.push(this.line);
    this.buf = '';
    this.pos = 0;
  }
}

const WS = /\s+/;

/**
 * Fields of each record. Records without a quote are split directly (what papaparse's fast mode
 * does, but per record, since one quoted field would otherwise put a whole batch in its slow
 * mode); records with quotes go to papaparse together. Blank records must have been removed
 * (papaparse would return them as one empty field).
 */
export function splitRecords(texts: readonly string[], delimiter: Delimiter): string[][] {
  if (delimiter === 'whitespace') return texts.map((t) => t.trim().split(WS));
  const rows = new Array<string[]>(texts.length);
  const quoted: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    if (texts[i].indexOf('"') < 0) rows[i] = texts[i].split(delimiter);
    else quoted.push(i);
  }
  if (quoted.length === 0) return rows;
  const parse = (input: string) => Papa.parse<string[]>(input, { delimiter, newline: '\n', quoteChar: '"', header: false, skipEmptyLines: false }).data;
  const parsed = parse(quoted.map((i) => texts[i]).join('\n'));
  // A malformed quote can merge records; then each is parsed alone so rows stay aligned with lines.
  if (parsed.length === quoted.length) quoted.forEach((i, k) => (rows[i] = parsed[k]));
  else for (const i of quoted) rows[i] = parse(texts[i])[0] ?? [''];
  return rows;
}

export interface TextLayout {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Names for headerless files (or to replace the header's names); column_<n> otherwise. */
  columnNames?: readonly string[];
}

export interface TextParseOptions {
  layout: TextLayout;
  mapping: ImportMapping;
  dateFormat: DateFormat | null;
  /** Called after each chunk with the data rows read so far. */
  onRows?: (rowsDone: number) => void;
  signal?: AbortSignal;
}

export interface TextParseResult extends BuildResult {
  columns: string[];
  blankLines: number;
}

/** Header handling and row dispatch for one text file; a class so the streaming state lives in one place. */
class TextTable {
  builder: TransactionBuilder | null = null;
  columns: string[] | null = null;
  blankLines = 0;
  private headerPending: boolean;

  constructor(private readonly options: TextParseOptions) {
    this.headerPending = options.layout.hasHeader;
  }

  private names(fallback: readonly string[]): string[] {
    const given = this.options.layout.columnNames;
    return uniqueColumnNames(given && given.length > 0 ? given : fallback);
  }

  consume(batch: RecordBatch): void {
    const texts: string[] = [];
    const lines: number[] = [];
    batch.texts.forEach((t, i) => {
      if (t.trim() === '') this.blankLines++;
      else {
        texts.push(t);
        lines.push(batch.lines[i]);
      }
    });
    const rows = splitRecords(texts, this.options.layout.delimiter);
    let i = 0;
    if (this.headerPending && rows.length > 0) {
      this.headerPending = false;
      this.columns = this.names(rows[0]);
      i = 1;
    }
    for (; i < rows.length; i++) {
      const builder = (this.builder ??= new TransactionBuilder(
        (this.columns ??= this.names(rows[i].map(() => ''))),
        this.options.mapping,
        this.options.dateFormat,
      ));
      builder.add(rows[i], lines[i], texts[i]);
    }
  }
}

/** Reads every record of the text and builds the transactions table. */
export async function parseTextTransactions(chunks: AsyncIterable<string>, options: TextParseOptions): Promise<TextParseResult> {
  const splitter = new RecordSplitter(options.layout.delimiter !== 'whitespace');
  const table = new TextTable(options);
  for await (const chunk of chunks) {
    if (options.signal?.aborted) throw new AdapterError('aborted', 'The import was cancelled.');
    const batch: RecordBatch = { texts: [], lines: [] };
    splitter.push(chunk, batch);
    table.consume(batch);
    options.onRows?.(table.builder?.rowsRead ?? 0);
  }
  const last: RecordBatch = { texts: [], lines: [] };
  splitter.end(last);
  table.consume(last);
  const columns = table.columns;
  if (!columns) throw new AdapterError('invalid_request', 'The file has no data rows.');
  const result = (table.builder ?? new TransactionBuilder(columns, options.mapping, options.dateFormat)).finish();
  options.onRows?.(result.rowsRead);
  if (table.blankLines > 0) result.warnings.push(`${table.blankLines} blank lines were skipped.`);
  return { ...result, columns, blankLines: table.blankLines };
}
