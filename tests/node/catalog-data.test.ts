import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { ColumnarData } from '../../src/contracts/loader.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { generateMarketingData } from '../../src/synthetic/marketing.js';
import { catalogModel, catalogSpec, widgetCatalog } from '../../src/widgets/catalog.js';
import { CATALOG_DATA_DEFAULTS, catalogNow, generateCatalogData } from '../../src/widgets/catalog-data.js';

const column = (data: ColumnarData, name: string): unknown[] => Array.from(data[name] ?? []);

describe('generateMarketingData', () => {
  const clv: ColumnarData = {
    customer_id: ['a', 'b', 'c', 'd', 'e', 'f'],
    frequency: [0, 5, 2, 0, 7, 1],
    p_alive: [1, 0.95, 0.3, 1, 0.85, 0.2],
    clv_decile: [10, 1, 5, 9, 2, 8],
  };
  const data = generateMarketingData({ seed: 3, clv, end: '2024-12-31' });

  test('rule audiences hold exactly the customers their rule picks', () => {
    const members = (audience: string) =>
      column(data.audience_memberships, 'customer_id').filter((_, i) => data.audience_memberships.audience_id![i] === audience).sort();
    assert.deepEqual(members('aud-high-clv'), ['b', 'e']);
    assert.deepEqual(members('aud-at-risk'), ['c', 'f']);
    assert.deepEqual(members('aud-one-time'), ['a', 'd']);
    assert.deepEqual(members('aud-loyal'), ['b', 'e']);
  });

  test('memberships and campaigns fall in the half-year before the end; removal follows joining', () => {
    const added = column(data.audience_memberships, 'added_at') as string[];
    const removed = column(data.audience_memberships, 'removed_at') as Array<string | null>;
    added.forEach((a, i) => {
      assert.ok(a >= '2024-07-02' && a < '2025-01-01', a);
      if (removed[i] !== null) assert.ok(removed[i]! >= a && removed[i]! < '2025-01-01');
    });
    for (const s of column(data.campaigns, 'sent_at') as string[]) assert.ok(s > '2024-07-01' && s < '2025-01-01', s);
  });

  test('each email goes to members of the campaign audience at sending time, and opens follow sends', () => {
    const ev = data.email_events;
    const audienceOf = new Map(column(data.campaigns, 'campaign_id').map((c, i) => [c, data.campaigns.audience_id![i]]));
    const sentAt = new Map(column(data.campaigns, 'campaign_id').map((c, i) => [c, data.campaigns.sent_at![i] as string]));
    const stays = column(data.audience_memberships, 'customer_id').map((c, i) => ({
      customer: c,
      audience: data.audience_memberships.audience_id![i],
      added: data.audience_memberships.added_at![i] as string,
      removed: data.audience_memberships.removed_at![i] as string | null,
    }));
    const sent = new Set<string>();
    for (let i = 0; i < ev.event_id!.length; i++) {
      const campaign = ev.campaign_id![i] as string;
      const customer = ev.customer_id![i] as string;
      const at = sentAt.get(campaign)!;
      if (ev.event_type![i] === 'sent') {
        const member = stays.some((s) => s.customer === customer && s.audience === audienceOf.get(campaign) && s.added <= at && (s.removed === null || s.removed > at));
        assert.ok(member, `${customer} was not in the audience of ${campaign} when it was sent`);
        sent.add(`${campaign}/${customer}`);
      } else {
        assert.ok(sent.has(`${campaign}/${customer}`), `${ev.event_type![i]} without a send`);
        assert.ok((ev.event_ts![i] as string) >= at);
      }
      assert.equal(ev.event_date![i], (ev.event_ts![i] as string).slice(0, 10));
    }
  });

  test('a seed reproduces the data', () => {
    assert.deepEqual(generateMarketingData({ seed: 3, clv, end: '2024-12-31' }), data);
  });
});

describe('generateCatalogData', () => {
  let adapter: MemoryAdapter;
  let data: Record<string, ColumnarData>;
  before(() => {
    data = generateCatalogData();
    adapter = new MemoryAdapter(catalogModel(), data);
  });

  test('fills every table of the catalog model', () => {
    for (const table of catalogModel().tables) assert.ok((Object.values(data[table.name] ?? {})[0]?.length ?? 0) > 0, `${table.name} is empty`);
    // customer_clv holds the customers acquired by the calibration end (the day before the holdout).
    const acquired = new Set(column(data.transactions!, 'customer_id').filter((_, i) => Number(data.transactions!.ts![i]) < Date.parse(CATALOG_DATA_DEFAULTS.holdoutStart)));
    assert.ok(acquired.size > 1_000 && acquired.size < CATALOG_DATA_DEFAULTS.customers);
    assert.equal(data.customer_clv!.customer_id!.length, acquired.size);
    assert.equal(catalogNow(), '2025-01-01');
  });

  test('every semantic catalog widget returns rows on it', async () => {
    for (const entry of widgetCatalog) {
      const spec = catalogSpec(entry.id);
      if (spec.data.kind !== 'semantic') continue;
      const result = await adapter.query(spec.data.query, { now: catalogNow() });
      assert.ok(result.rows.length > 0, `${entry.id} returned no rows`);
    }
  });

  test('the top two CLV deciles are the "High CLV" audience', async () => {
    const top = await adapter.query({ measures: ['customer_clv.customers'], filters: [{ member: 'customer_clv.clv_decile', operator: 'lte', values: [2] }] });
    const audience = await adapter.query({ measures: ['audience_memberships.members'], dimensions: ['audiences.name'], filters: [{ member: 'audiences.audience_id', operator: 'equals', values: ['aud-high-clv'] }] });
    const n = data.customer_clv!.customer_id!.length;
    // clv_decile splits the customers into ten near-equal groups: the top two hold a fifth.
    assert.ok(Math.abs((top.rows[0]!['customer_clv.customers'] as number) - n / 5) <= 2);
    assert.equal(audience.rows[0]!['audience_memberships.members'], top.rows[0]!['customer_clv.customers']);
  });
});
