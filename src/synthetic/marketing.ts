import type { ColumnarData } from '../contracts/loader.js';
import type { ScalarValue } from '../contracts/result.js';
import { createRng, type Rng } from './prng.js';

/**
 * Audiences, their memberships, email campaigns and email events over an existing customer base,
 * for the tables of the catalog's audience and email widgets (see futureTables in
 * src/widgets/catalog.ts). Membership follows the customers' CLV: "High CLV" holds the top two CLV
 * deciles, "At risk" repeat buyers whose P(alive) fell below one half, and so on; opens and clicks
 * are likelier for customers who are more likely alive. Deterministic for a seed.
 */

export interface MarketingInput {
  seed?: number;
  /** customer_clv columns: customer_id, frequency, p_alive, clv_decile (one row per customer). */
  clv: ColumnarData;
  /** Last day of the data (YYYY-MM-DD); audiences fill and campaigns go out in the half-year before it. */
  end: string;
}

export interface MarketingData {
  audiences: ColumnarData;
  audience_memberships: ColumnarData;
  campaigns: ColumnarData;
  email_events: ColumnarData;
}

interface CustomerFacts {
  id: string;
  frequency: number;
  pAlive: number;
  decile: number;
}

interface AudienceRule {
  id: string;
  name: string;
  member: (c: CustomerFacts, rng: Rng) => boolean;
}

const AUDIENCES: AudienceRule[] = [
  { id: 'aud-high-clv', name: 'High CLV (top 20%)', member: (c) => c.decile >= 1 && c.decile <= 2 },
  { id: 'aud-at-risk', name: 'At risk', member: (c) => c.frequency >= 1 && c.pAlive < 0.5 },
  { id: 'aud-one-time', name: 'One-time buyers', member: (c) => c.frequency === 0 },
  { id: 'aud-loyal', name: 'Loyal repeat buyers', member: (c) => c.frequency >= 4 && c.pAlive >= 0.8 },
  { id: 'aud-newsletter', name: 'Newsletter subscribers', member: (_c, rng) => rng.next() < 0.3 },
];

/** Campaigns: [audience index, name, days before `end` it was sent]. */
const CAMPAIGNS: Array<[number, string, number]> = [
  [0, 'VIP early access', 160],
  [1, 'We miss you: 15% off', 140],
  [4, 'Summer newsletter', 120],
  [2, 'Second purchase nudge', 100],
  [0, 'VIP autumn preview', 75],
  [3, 'Loyalty points reminder', 60],
  [1, 'Win-back: last chance', 40],
  [4, 'Holiday gift guide', 20],
];

const DAY = 86_400_000;
const HALF_YEAR_DAYS = 182;
const iso = (ms: number) => new Date(ms).toISOString();

function facts(clv: ColumnarData): CustomerFacts[] {
  const ids = clv.customer_id ?? [];
  const out: CustomerFacts[] = [];
  for (let i = 0; i < ids.length; i++) {
    out.push({
      id: String(ids[i]),
      frequency: Number(clv.frequency?.[i] ?? 0),
      pAlive: Number(clv.p_alive?.[i] ?? 0),
      decile: Number(clv.clv_decile?.[i] ?? 0),
    });
  }
  return out;
}

export function generateMarketingData(input: MarketingInput): MarketingData {
  const rng = createRng(input.seed ?? 7);
  const end = Date.parse(`${input.end}T00:00:00Z`) + DAY;
  if (!Number.isFinite(end)) throw new RangeError(`end: "${input.end}" is not a YYYY-MM-DD date`);
  const start = end - HALF_YEAR_DAYS * DAY;
  const customers = facts(input.clv);

  const audiences = { audience_id: [] as string[], name: [] as string[], created_at: [] as string[] };
  const m = { audience_id: [] as string[], customer_id: [] as string[], added_at: [] as string[], removed_at: [] as ScalarValue[] };
  /** Per audience: members with the instants of joining and (maybe) leaving, to address campaigns. */
  const stays: Array<Array<{ c: CustomerFacts; added: number; removed: number | null }>> = [];

  for (const rule of AUDIENCES) {
    audiences.audience_id.push(rule.id);
    audiences.name.push(rule.name);
    audiences.created_at.push(iso(start));
    const list: (typeof stays)[number] = [];
    for (const c of customers) {
      if (!rule.member(c, rng)) continue;
      // Joining times spread over the half-year (a growing audience); one in ten has left again.
      const added = start + Math.floor(rng.next() * (HALF_YEAR_DAYS - 1) * DAY);
      const removed = rng.next() < 0.1 ? added + Math.floor(rng.next() * (end - added)) : null;
      list.push({ c, added, removed });
      m.audience_id.push(rule.id);
      m.customer_id.push(c.id);
      m.added_at.push(iso(added));
      m.removed_at.push(removed === null ? null : iso(removed));
    }
    stays.push(list);
  }

  const campaigns = { campaign_id: [] as string[], name: [] as string[], audience_id: [] as string[], sent_at: [] as string[] };
  const e = { event_id: [] as string[], campaign_id: [] as string[], customer_id: [] as string[], event_type: [] as string[], event_ts: [] as string[], event_date: [] as string[] };
  const event = (campaign: string, customer: string, type: string, at: number) => {
    e.event_id.push(`${campaign}-${e.event_id.length + 1}`);
    e.campaign_id.push(campaign);
    e.customer_id.push(customer);
    e.event_type.push(type);
    e.event_ts.push(iso(at));
    e.event_date.push(iso(at).slice(0, 10));
  };

  CAMPAIGNS.forEach(([audience, name, daysBefore], i) => {
    const id = `cmp-${String(i + 1).padStart(2, '0')}`;
    const sent = end - daysBefore * DAY + 9 * 3_600_000; // 09:00 UTC
    campaigns.campaign_id.push(id);
    campaigns.name.push(name);
    campaigns.audience_id.push(AUDIENCES[audience]!.id);
    campaigns.sent_at.push(iso(sent));
    for (const stay of stays[audience]!) {
      if (stay.added > sent || (stay.removed !== null && stay.removed <= sent)) continue;
      event(id, stay.c.id, 'sent', sent);
      if (rng.next() >= 0.12 + 0.38 * stay.c.pAlive) continue;
      const opened = sent + Math.floor(rng.next() * 3 * DAY);
      event(id, stay.c.id, 'open', opened);
      if (rng.next() < 0.22) event(id, stay.c.id, 'click', opened + Math.floor(rng.next() * 600_000));
      if (rng.next() < 0.01) event(id, stay.c.id, 'unsubscribe', opened + 60_000);
    }
  });

  return { audiences, audience_memberships: m, campaigns, email_events: e };
}
