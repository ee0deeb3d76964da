/**
 * A random run id. crypto.randomUUID exists only in secure contexts (HTTPS, localhost) in browsers,
 * while getRandomValues exists everywhere, so a dashboard served over plain HTTP still gets ids.
 */
export function randomRunId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
