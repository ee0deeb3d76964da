/**
 * Command-line parsing on node:util parseArgs, plus the value checks every command shares. Each
 * failure is a UsageError that names the flag, so the message says what to change.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type ParsedValues = Record<string, string | boolean | undefined>;

/** The flags that locate and map the input file; every command takes them. */
export const INPUT_OPTIONS: OptionSpec = {
  input: { type: 'string' },
  customer: { type: 'string' },
  date: { type: 'string' },
  amount: { type: 'string' },
  columns: { type: 'string' },
};

export const HELP_OPTION: OptionSpec = { help: { type: 'boolean', short: 'h' } };

/** Turns parseArgs' error into a message that names the flag and points at the command's help. */
function usageFromParseError(e: unknown, command: string): UsageError {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const flag = /'(-[^' <]+)/.exec(msg)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown flag ${flag ?? msg} for "clv-kit ${command}"`, command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/ambiguous/.test(msg)) {
        return new UsageError(`${flag} needs a value; to pass a value starting with "-" write ${flag}=VALUE`, command);
      }
      return new UsageError(`${flag ?? 'a flag'} needs a value`, command);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /'([^']*)'/.exec(msg)?.[1] ?? '';
      return new UsageError(`unexpected argument "${arg}": "clv-kit ${command}" takes flags only`, command);
    }
    default:
      return new UsageError(msg, command);
  }
}

/** Parses `argv` strictly against `options`; a flag given twice is an error (parseArgs would keep the last silently). */
export function parseCommand(command: string, argv: readonly string[], options: OptionSpec): ParsedValues {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    throw usageFromParseError(e, command);
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given more than once`, command);
    seen.add(t.name);
  }
  return parsed.values as ParsedValues;
}

/** The string value of a flag, or a UsageError when it is required and missing (or empty). */
export function stringOption(values: ParsedValues, flag: string, command: string, required: true): string;
export function stringOption(values: ParsedValues, flag: string, command: string, required?: false): string | undefined;
export function stringOption(values: ParsedValues, flag: string, command: string, required = false): string | undefined {
  const v = values[flag];
  if (v === undefined) {
    if (required) throw new UsageError(`--${flag} is required`, command);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${flag} needs a non-empty value`, command);
  return v;
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(values: ParsedValues, flag: string, command: string, choices: readonly T[], fallback: T): T {
  const v = stringOption(values, flag, command);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`--${flag} must be one of ${choices.join(', ')}; got "${v}"`, command);
  }
  return v as T;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date YYYY-MM-DD (2023-02-30 is rejected, not rolled over to March). */
export function dateOption(values: ParsedValues, flag: string, command: string): string {
  const v = stringOption(values, flag, command, true);
  const m = ISO_DATE.exec(v);
  const ok =
    m !== null &&
    (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
    })();
  if (!ok) throw new UsageError(`--${flag} must be a calendar date YYYY-MM-DD; got "${v}"`, command);
  return v;
}

/** Plain decimal notation only: Number() would also take "", "0x10" and "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseDecimal(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : NaN;
}

/** A finite number satisfying `check`, described by `what` in the error ("a number > 0"). */
export function numberOption(
  values: ParsedValues,
  flag: string,
  command: string,
  what: string,
  check: (n: number) => boolean,
): number | undefined {
  const v = stringOption(values, flag, command);
  if (v === undefined) return undefined;
  const n = parseDecimal(v);
  if (!(Number.isFinite(n) && check(n))) throw new UsageError(`--${flag} must be ${what}; got "${v}"`, command);
  return n;
}

/** Exactly `names.length` comma-separated positive numbers, returned in order. */
export function positiveListOption(values: ParsedValues, flag: string, command: string, names: readonly string[]): number[] | undefined {
  const v = stringOption(values, flag, command);
  if (v === undefined) return undefined;
  const parts = v.split(',');
  const nums = parts.map(parseDecimal);
  if (parts.length !== names.length || !nums.every((n) => Number.isFinite(n) && n > 0)) {
    throw new UsageError(`--${flag} must be ${names.length} comma-separated numbers > 0 (${names.join(',')}); got "${v}"`, command);
  }
  return nums;
}

/** Comma-separated names, each non-empty and distinct (e.g. --columns). */
export function nameListOption(values: ParsedValues, flag: string, command: string): string[] | undefined {
  const v = stringOption(values, flag, command);
  if (v === undefined) return undefined;
  const names = v.split(',').map((s) => s.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--${flag} has an empty name in "${v}"`, command);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new UsageError(`--${flag} names "${dup}" twice`, command);
  return names;
}
