/** A value a global filter can take. */
export type OptionValue = string | number | boolean;

/** One choice of a multi-select: the value it stands for and the text shown. */
export interface SelectOption {
  value: OptionValue;
  label: string;
}

/** Lists the options that match `search` (all of them for ''); stops when `signal` aborts. */
export type OptionLoader = (search: string, signal: AbortSignal) => Promise<SelectOption[]>;

/** A key that tells 1 from "1" and true from "true", for comparing chosen values. */
export const keyOf = (value: OptionValue): string => `${typeof value}:${String(value)}`;

/** Chosen labels named on a button before the rest are counted. */
const NAMED_CHOICES = 3;

/** "All" for no choice, "Gold, Silver" for a few, "Gold, Silver, Bronze and 2 more" for many. */
export function summarizeChoice(labels: readonly string[]): string {
  if (labels.length === 0) return 'All';
  if (labels.length <= NAMED_CHOICES + 1) return labels.join(', ');
  return `${labels.slice(0, NAMED_CHOICES).join(', ')} and ${labels.length - NAMED_CHOICES} more`;
}

/** Whether two lists hold the same values, in any order. */
export function sameValues(a: readonly OptionValue[], b: readonly OptionValue[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(keyOf));
  return b.every((v) => keys.has(keyOf(v)));
}
