/** `obj` with `key` set, or without it when `value` is undefined (specs never hold undefined keys). */
export function put<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const out = { ...obj };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}
