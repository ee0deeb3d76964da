import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/widget/define.js';
import type { DataAdapter } from '../src/contracts/adapter.js';
import { catalogSpec, widgetCatalog } from '../src/widgets/catalog.js';
import { CATALOG_NOW, catalogAdapterFor } from './support/catalog.js';

// One story per catalog widget, over the catalog data (2,000 synthetic customers, 2023–2024):
// semantic widgets on the in-memory engine, SQL widgets on DuckDB-WASM. "Now" is pinned to the day
// after the data ends, so "last 90 days" and the like cover data. tests/node/stories-list.test.ts
// fails when the catalog gains a widget without a story here.

interface CatalogArgs {
  /** The catalog entry's id. */
  id: string;
}

type Loaded = { adapter: DataAdapter };

const meta: Meta<CatalogArgs> = {
  title: 'Widgets/Catalog',
  component: 'clv-widget',
  argTypes: { id: { control: 'select', options: widgetCatalog.map((e) => e.id) } },
  loaders: [async ({ args }): Promise<Loaded> => ({ adapter: await catalogAdapterFor(catalogSpec(args.id)) })],
  render: (args, { loaded }) => html`<clv-widget
    style="width: 40rem; max-width: 100%; height: 22rem"
    .spec=${catalogSpec(args.id)}
    .adapter=${(loaded as Loaded).adapter}
    now=${CATALOG_NOW}
  ></clv-widget>`,
};
export default meta;

type Story = StoryObj<CatalogArgs>;

/** The story of catalog entry `id`, named after its title. */
function entry(id: string): Story {
  const found = widgetCatalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog widget "${id}"`);
  return { name: found.spec.title, args: { id } };
}

/** Line: revenue per month over the two years of data. */
export const RevenueTrend = entry('revenue-trend');
/** Big number: revenue in the last 90 days, with the change against the 90 days before. */
export const RevenueLast90Days = entry('revenue-last-90-days');
/** Bar: revenue per loyalty tier in tier order; a click filters the other widgets of a dashboard. */
export const RevenueByLoyaltyTier = entry('revenue-by-loyalty-tier');
/** Donut: each channel's share of revenue, legend on the right. */
export const RevenueByChannel = entry('revenue-by-channel');
/** Bar over time: distinct buying customers per month. */
export const CustomersBuyingPerMonth = entry('customers-buying-per-month');
/** Stacked bar: customers in each spend decile, stacked by product category (12-month window). */
export const ProfilesPerDecileAndCategory = entry('profiles-per-decile-and-category');
/** Table: profiles and spend per lookback window, category and decile, sorted by decile, paged. */
export const ProfilesPerWindowAndCategory = entry('profiles-per-window-and-category');
/** SQL on DuckDB-WASM, point: how customers moved between deciles from the 3-month to the 12-month window. */
export const DecileMigration = entry('decile-migration');
/** Bar: total predicted CLV per CLV decile (the tooltip adds the average and the customer count). */
export const ClvByDecile = entry('clv-by-decile');
/** Binned bar (histogram): customers per CLV band. */
export const ClvDistribution = entry('clv-distribution');
/** Binned bar (histogram): customers per probability-alive band. */
export const PAliveDistribution = entry('p-alive-distribution');
/** Tick (strip plot): every customer's probability of being alive, per CLV decile; no tooltip. */
export const PAliveByClvDecile = entry('p-alive-by-clv-decile');
/** Point: calibration-period repeat purchases against the BG/NBD forecast, coloured by CLV decile. */
export const ObservedVsExpectedPurchases = entry('observed-vs-expected-purchases');
/** SQL on DuckDB-WASM, line: the BG/NBD forecast against the purchases customers really made in the holdout (July–December 2024). */
export const PredictedVsActualHoldout = entry('predicted-vs-actual-holdout');
/** Table: the 100 customers with the highest CLV, sortable columns; a row click drills to a customer. */
export const TopCustomers = entry('top-customers');
/** Horizontal bar: current members per audience, largest first. */
export const AudienceSize = entry('audience-size');
/** Stacked area: members added per week and audience over the last 26 weeks. */
export const AudienceGrowth = entry('audience-growth');
/** SQL on DuckDB-WASM, table: open, click and unsubscribe rates per campaign in the first half of 2024. */
export const EmailKpisByCampaign = entry('email-kpis-by-campaign');
/** Horizontal stacked bar: email opens per campaign, stacked by the audience it went to. */
export const EmailOpensByAudienceAndCampaign = entry('email-opens-by-audience-and-campaign');
/** Line: email events per week, one line per event type. */
export const EmailEventsPerWeek = entry('email-events-per-week');
/** Big number: emails sent in the last 30 days, against the 30 days before. */
export const EmailsSentLast30Days = entry('emails-sent-last-30-days');
