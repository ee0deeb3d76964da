import type { ImportMappingInput, MappingSuggestion } from '../../src/import/index.js';

/** The mapping form's values; empty strings are unset fields. */
export interface MappingDraft {
  customer: string;
  date: string;
  /** A DateFormat, or '' for the detected one. */
  dateFormat: string;
  /** Amount from a column, or computed as price × quantity. */
  amountMode: 'column' | 'price';
  amount: string;
  price: string;
  quantity: string;
  category: string;
  id: string;
}

export type DraftField = Exclude<keyof MappingDraft, 'amountMode'>;

/** The form's starting values: the core's suggestion. */
export function draftFromSuggestion(suggestion: MappingSuggestion): MappingDraft {
  const m = suggestion.mapping;
  return {
    customer: m.customer ?? '',
    date: m.date ?? '',
    dateFormat: '',
    amountMode: m.amountFrom ? 'price' : 'column',
    amount: m.amount ?? '',
    price: m.amountFrom?.price ?? '',
    quantity: m.quantity ?? m.amountFrom?.quantity ?? '',
    category: m.category ?? '',
    id: m.id ?? '',
  };
}

/** What is still missing before the import can start, as sentences; empty when the draft is complete. */
export function draftProblems(draft: MappingDraft): string[] {
  const problems: string[] = [];
  if (!draft.customer) problems.push('Choose the customer id column.');
  if (!draft.date) problems.push('Choose the date column.');
  if (draft.amountMode === 'column' && !draft.amount) problems.push('Choose the amount column.');
  if (draft.amountMode === 'price') {
    if (!draft.price) problems.push('Choose the price column.');
    if (!draft.quantity) problems.push('Choose the quantity column (amount = price × quantity).');
  }
  return problems;
}

/** The draft as the import core's mapping. */
export function draftToMapping(draft: MappingDraft): ImportMappingInput {
  const mapping: ImportMappingInput = { customer: draft.customer, date: draft.date };
  if (draft.amountMode === 'column') mapping.amount = draft.amount;
  else mapping.amountFrom = { price: draft.price, quantity: draft.quantity };
  if (draft.quantity) mapping.quantity = draft.quantity;
  if (draft.category) mapping.category = draft.category;
  if (draft.id) mapping.id = draft.id;
  if (draft.dateFormat) mapping.dateFormat = draft.dateFormat as ImportMappingInput['dateFormat'];
  return mapping;
}
