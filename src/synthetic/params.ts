import { z } from 'zod';

/**
 * Parameters of the synthetic population. Time is in days.
 *
 * Purchases follow the BG/NBD story (Fader, Hardie & Lee 2005): while alive, a customer buys as a
 * Poisson process with rate λ ~ Gamma(shape r, rate α); after each repeat purchase they drop out
 * for good with probability p ~ Beta(a, b). Spend per transaction follows Gamma-Gamma: each
 * customer's ν ~ Gamma(shape q, rate γ), and each transaction value ~ Gamma(shape p, rate ν), so
 * the population mean spend is pγ/(q − 1).
 *
 * The defaults give a mean λ = r/α ≈ 0.047/day, very unequal across customers since r < 1 (most
 * customers buy rarely, a few very often), mean p = a/(a + b) ≈ 0.26 and a mean spend of
 * pγ/(q − 1) = $70.40 per transaction. Over a two-year span with signups spread across it that is
 * about 3.9 transactions per customer, ~37% of customers buying only once: 100k customers give
 * ~390k transactions and 1M customers ~3.9M (checked in tests/node/synthetic.test.ts).
 * Set seasonality and weekendLift to 0 for the pure, stationary BG/NBD process (e.g. to check that
 * a fit recovers r, α, a, b).
 */
export const SyntheticParamsSchema = z.object({
  /** Shape of the gamma mixing distribution of purchase rates. */
  r: z.number().positive().default(0.28),
  /** Rate (per day) of the gamma mixing distribution of purchase rates. */
  alpha: z.number().positive().default(6),
  /** Beta mixing distribution of the dropout probability. */
  a: z.number().positive().default(1.1),
  b: z.number().positive().default(3.2),
  /** Gamma-Gamma spend: per-transaction shape p, and shape q / rate γ of the customers' ν. q > 1. */
  spendP: z.number().positive().default(4),
  spendQ: z.number().gt(1).default(3.5),
  spendGamma: z.number().positive().default(44),
  /** Signups per day rise linearly from 1 to 1 + growth over the span (a growing business). */
  acquisitionGrowth: z.number().min(0).default(1.5),
  /** Extra purchase intensity in the Nov–Dec peak (0.6 = up to +60%), normalised to a mean of 1. */
  seasonality: z.number().min(0).default(0.6),
  /** Extra purchase intensity on Saturdays and Sundays, normalised with the seasonality. */
  weekendLift: z.number().min(0).default(0.15),
  /** Share of a customer's purchases made in their preferred channel / favourite category. */
  channelLoyalty: z.number().min(0).max(1).default(0.75),
  categoryLoyalty: z.number().min(0).max(1).default(0.5),
});
export type SyntheticParams = z.output<typeof SyntheticParamsSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const GenerateOptionsSchema = z
  .object({
    seed: z.number().int(),
    customers: z.number().int().min(1_000).max(1_000_000),
    start: IsoDate,
    end: IsoDate,
    params: SyntheticParamsSchema.partial().optional(),
  })
  .refine((o) => o.end >= o.start, { message: 'end must not be before start', path: ['end'] });
export type GenerateOptionsInput = z.input<typeof GenerateOptionsSchema>;

/** Mix of sales channels and product categories (weights; they need not sum to 1). */
export const CHANNEL_WEIGHTS = { web: 45, mobile: 33, store: 17, phone: 5 } as const;
export const CATEGORY_WEIGHTS = {
  Books: 12,
  Electronics: 14,
  Home: 16,
  Fashion: 20,
  Beauty: 10,
  Sports: 9,
  Toys: 8,
  Grocery: 11,
} as const;

/** Purchases by hour of day (UTC wall clock): quiet at night, a lunch bump, an evening peak. */
export const HOUR_WEIGHTS = [2, 1, 1, 0.5, 0.5, 1, 2, 4, 6, 7, 8, 9, 10, 9, 8, 8, 8, 9, 10, 12, 12, 10, 7, 4];

/**
 * Loyalty tier from the customer's total spend over the span, blurred by a log-normal factor so
 * the tier correlates with value without being a function of it (thresholds in dollars).
 */
export const TIER_THRESHOLDS = { Silver: 150, Gold: 500, Platinum: 1500 } as const;
export const TIER_NOISE_SD = 0.35;
