import { AdapterError, type AdapterErrorCode, isAdapterError } from '../../contracts/errors.js';

/**
 * DuckDB reports errors as "<Kind> Error: <message>" followed by the offending SQL line and a
 * caret, or (from pending queries) as JSON {exception_type, exception_message}. The kind decides
 * the code; the message is kept (minus the caret line) so a person sees what DuckDB objected to
 * and where.
 */

const INVALID = new Set(['Parser', 'Binder', 'Conversion', 'Invalid Input', 'Constraint', 'Out of Range', 'Syntax']);

function kindOf(message: string): string | undefined {
  return /^([A-Za-z ]+?) Error:/.exec(message)?.[1];
}

function codeOf(message: string): AdapterErrorCode {
  if (/query was (canceled|cancelled)|interrupted/i.test(message)) return 'aborted';
  const kind = kindOf(message);
  if (kind === 'Catalog') return /\b(Table|View|Schema)\b.*does not exist/i.test(message) ? 'not_found' : 'invalid_request';
  if (kind === 'Not implemented') return 'unsupported';
  if (kind && INVALID.has(kind)) return 'invalid_request';
  return 'backend';
}

/** DuckDB's message on one line, without the caret marker line. */
function tidy(message: string): string {
  return message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\^+$/.test(l))
    .join(' ');
}

const HINT: Partial<Record<AdapterErrorCode, string>> = {
  not_found: ' Load the table first (loadColumns, append or createTables).',
};

/** The "<Kind> Error: <message>" form of either error shape. */
function plain(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  try {
    const e = JSON.parse(raw) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof e.exception_type === 'string' && typeof e.exception_message === 'string') return `${e.exception_type} Error: ${e.exception_message}`;
  } catch {
    // not JSON after all: keep the text as it is
  }
  return raw;
}

/** Maps anything DuckDB-WASM throws to an AdapterError; AdapterErrors pass through unchanged. */
export function toAdapterError(error: unknown): AdapterError {
  if (isAdapterError(error)) return error;
  const raw = plain(error instanceof Error ? error.message : String(error));
  const code = codeOf(raw);
  if (code === 'aborted') return new AdapterError('aborted', 'The request was cancelled.', undefined, { cause: error });
  const prefix = code === 'backend' ? 'DuckDB failed: ' : '';
  return new AdapterError(code, `${prefix}${tidy(raw)}${HINT[code] ?? ''}`, undefined, { cause: error });
}
