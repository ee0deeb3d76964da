import { z } from 'zod';
import { DateFormatSchema } from './date-formats.js';
import { detectCellsType, type ColumnDetection } from './detect.js';

/**
 * Which source columns feed the transaction fields. Either `amount` names an amount column, or
 * `amountFrom` computes amount = price × quantity for line-level files with a unit price.
 */
export const ImportMappingSchema = z
  .object({
    customer: z.string().min(1),
    date: z.string().min(1),
    amount: z.string().min(1).optional(),
    amountFrom: z.object({ price: z.string().min(1), quantity: z.string().min(1) }).strict().optional(),
    quantity: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    /** A transaction/invoice id; ids starting with "C" mark cancellations (Online Retail convention). */
    id: z.string().min(1).optional(),
    /** Overrides the detected date format. */
    dateFormat: DateFormatSchema.optional(),
  })
  .strict()
  .refine((m) => (m.amount === undefined) !== (m.amountFrom === undefined), {
    message: 'map exactly one of amount or amountFrom (price × quantity)',
    path: ['amount'],
  });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;
export type ImportMappingInput = z.input<typeof ImportMappingSchema>;

type Field = 'customer' | 'date' | 'amount' | 'quantity' | 'category' | 'id' | 'price';

/** Names compared after lower-casing and dropping everything but letters and digits ("Customer ID" → "customerid"). */
const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const EXACT: Record<Field, readonly string[]> = {
  customer: ['customerid', 'customer', 'cust', 'custid', 'customerno', 'customernumber', 'customerkey', 'clientid', 'client', 'userid', 'user', 'buyerid', 'memberid', 'accountid', 'shopperid', 'masterid'],
  date: ['date', 'invoicedate', 'orderdate', 'transactiondate', 'purchasedate', 'saledate', 'ts', 'timestamp', 'datetime', 'time', 'createdat', 'orderedat', 'purchasedat'],
  amount: ['amount', 'dollarvalue', 'value', 'revenue', 'sales', 'total', 'totalamount', 'ordertotal', 'ordervalue', 'spend', 'monetary', 'monetaryvalue', 'salesamount', 'netamount', 'grossamount', 'linetotal', 'totalprice', 'payment'],
  quantity: ['quantity', 'qty', 'units', 'numberofcds', 'items', 'numitems', 'itemcount', 'ncds'],
  category: ['category', 'productcategory', 'categoryname', 'department', 'dept', 'productgroup', 'productline', 'producttype'],
  id: ['invoice', 'invoiceno', 'invoiceid', 'invoicenumber', 'orderid', 'orderno', 'ordernumber', 'transactionid', 'txid', 'txnid', 'receiptid', 'order', 'transaction'],
  price: ['price', 'unitprice', 'itemprice', 'priceeach', 'unitcost'],
};

const PARTIAL: Record<Field, RegExp> = {
  customer: /cust|client|member|buyer|shopper/,
  date: /date|time|^ts$|day$|created|ordered/,
  amount: /amount|value|revenue|sales|total|spend|paid|payment/,
  quantity: /qty|quantit|units?$|^numberof|items?$/,
  category: /categ|dept|department|productgroup|productline|producttype/,
  id: /invoice|order(id|no|number)|transactionid|receipt|^txn?id$/,
  price: /price/,
};

/** Whether a column's detected type suits a field (a date field needs dates, an amount numbers). */
function typeFits(field: Field, d: ColumnDetection | undefined): boolean {
  if (!d) return true;
  switch (field) {
    case 'date':
      return d.type === 'date' || d.type === 'timestamp';
    case 'amount':
    case 'price':
      return d.type === 'number' || d.type === 'integer';
    case 'quantity':
      return d.type === 'integer' || d.type === 'number';
    case 'customer':
    case 'id':
      return d.type !== 'boolean' && d.type !== 'date' && d.type !== 'timestamp';
    case 'category':
      return d.type === 'string';
  }
}

export interface MappingSuggestion {
  /** The best guess per field; complete when it parses with ImportMappingSchema. */
  mapping: Partial<ImportMapping>;
  complete: boolean;
  /** Required fields with no plausible column. */
  missing: Array<'customer' | 'date' | 'amount'>;
  /** Detected type of each column, from the sample. */
  types: Record<string, ColumnDetection>;
  notes: string[];
}

/**
 * Proposes a mapping from column names (exact synonyms first, then partial matches), checked against
 * each column's detected type. When there is no amount column but a price and a quantity column,
 * it offers amountFrom = price × quantity. Single date / decimal columns fill date / amount when
 * no name matches (headerless files).
 */
export function suggestMapping(columns: readonly string[], sample: readonly (readonly unknown[])[]): MappingSuggestion {
  const types: Record<string, ColumnDetection> = {};
  if (sample.length > 0) columns.forEach((c, j) => (types[c] = detectCellsType(sample.map((r) => r[j]))));
  const used = new Set<string>();
  const pick = (field: Field): string | undefined => {
    const score = (c: string) => {
      const n = normalise(c);
      if (!typeFits(field, types[c])) return 0;
      if (EXACT[field].includes(n)) return 3;
      return PARTIAL[field].test(n) ? 2 : 0;
    };
    let best: string | undefined;
    let bestScore = 0;
    for (const c of columns) {
      if (used.has(c)) continue;
      const s = score(c);
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    if (best) used.add(best);
    return best;
  };

  const notes: string[] = [];
  const mapping: Partial<ImportMapping> = {};
  // Order matters: specific fields claim their columns before the broader patterns (e.g. "total") can.
  const id = pick('id');
  const customer = pick('customer');
  const date = pick('date');
  const quantity = pick('quantity');
  const category = pick('category');
  const amount = pick('amount');
  const price = amount ? undefined : pick('price');
  if (customer) mapping.customer = customer;
  if (date) mapping.date = date;
  if (amount) mapping.amount = amount;
  else if (price && quantity) {
    mapping.amountFrom = { price, quantity };
    notes.push(`No amount column: amount = ${price} × ${quantity} is proposed.`);
  }
  if (quantity) mapping.quantity = quantity;
  if (category) mapping.category = category;
  if (id) mapping.id = id;

  const free = (pred: (d: ColumnDetection) => boolean) => columns.filter((c) => !used.has(c) && types[c] && pred(types[c]));
  if (!mapping.date) {
    const dates = free((d) => d.type === 'date' || d.type === 'timestamp');
    if (dates.length === 1) {
      mapping.date = dates[0];
      used.add(dates[0]);
      notes.push(`"${dates[0]}" is the only date column, so it is proposed as the date.`);
    }
  }
  if (!mapping.amount && !mapping.amountFrom) {
    const decimals = free((d) => d.type === 'number');
    if (decimals.length === 1) {
      mapping.amount = decimals[0];
      used.add(decimals[0]);
      notes.push(`"${decimals[0]}" is the only decimal column, so it is proposed as the amount.`);
    }
  }
  if (mapping.date && types[mapping.date]?.dateFormat) {
    mapping.dateFormat = types[mapping.date].dateFormat;
    if (types[mapping.date].ambiguousDate)
      notes.push(`Dates in "${mapping.date}" read either day-first or month-first; month-first (MM/DD/YYYY) is assumed.`);
  }

  const missing: MappingSuggestion['missing'] = [];
  if (!mapping.customer) missing.push('customer');
  if (!mapping.date) missing.push('date');
  if (!mapping.amount && !mapping.amountFrom) missing.push('amount');
  return { mapping, complete: ImportMappingSchema.safeParse(mapping).success, missing, types, notes };
}
