/**
 * A YAML 1.2 emitter for JSON data (no dependency for one file). Block style for objects and
 * arrays; string scalars double-quoted with JSON escapes, which YAML reads identically, so no value
 * is ever re-typed ("no", "1.0", "null") by a YAML reader. Multi-line prose becomes a literal block.
 */
export function toYaml(value: unknown): string {
  return `${emit(value, 0).replace(/^\n/, '')}\n`;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$.-]*$/;
// YAML 1.1 readers still turn these into booleans/null, so they are quoted even as keys.
const RESERVED = /^(y|n|yes|no|on|off|true|false|null|~)$/i;

const key = (k: string) => (PLAIN_KEY.test(k) && !RESERVED.test(k) ? k : JSON.stringify(k));

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON data`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  throw new Error(`cannot write a ${typeof value} as YAML`);
}

/** Text that a `|-` block reproduces exactly: printable, no leading space, no trailing newline. */
const literalBlockSafe = (s: string) => s.includes('\n') && !/^[ \n]/.test(s) && !s.endsWith('\n') && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s);

/** Returns the value's text; block collections start with a newline so the parent can place them. */
function emit(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  if (typeof value === 'string' && literalBlockSafe(value)) {
    return ` |-${value
      .split('\n')
      .map((line) => (line ? `\n${pad}${line}` : '\n'))
      .join('')}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value
      .map((item) => {
        const inner = emit(item, depth + 1);
        // "- " followed by the first line of a nested block, the rest keeps its indentation.
        return inner.startsWith('\n') ? `\n${pad}- ${inner.slice(1).trimStart()}` : `\n${pad}-${inner}`;
      })
      .join('');
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `\n${pad}${key(k)}:${emit(v, depth + 1)}`).join('');
  }
  return ` ${scalar(value)}`;
}
