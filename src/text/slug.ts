/**
 * The one way clv-kit turns a human name into an identifier or a file name: accents dropped,
 * lower case, every run of other characters one "-", no separator at either end.
 */
export interface SlugOptions {
  /** Longest result (cut before the trailing separators are removed). */
  maxLength?: number;
  /** Returned when nothing is left ("***"). */
  fallback?: string;
  /** Characters kept besides a–z and 0–9 (job ids keep "_" and "."). */
  keep?: string;
}

export function slugify(text: string, options: SlugOptions = {}): string {
  const { maxLength = 64, fallback = '', keep = '' } = options;
  const other = new RegExp(`[^a-z0-9${keep.replace(/[\\\]^-]/g, '\\$&')}]+`, 'g');
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(other, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, maxLength)
    .replace(/[^a-z0-9]+$/, '');
  return slug || fallback;
}
