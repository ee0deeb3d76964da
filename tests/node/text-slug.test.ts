import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slugify as jobId } from '../../components/refresh-schedules/job-draft.js';
import { fileBaseName } from '../../components/widget/export-files.js';
import { slugify as dashboardId } from '../../src/dashboards/parse.js';
import { slugify } from '../../src/text/slug.js';

test('one slug rule: accents dropped, other runs become one "-", none at the ends', () => {
  assert.equal(slugify('  Revenue & CLV (Zürich) — été '), 'revenue-clv-zurich-ete');
  assert.equal(slugify('***'), '');
  assert.equal(slugify('***', { fallback: 'x' }), 'x');
  assert.equal(slugify('a'.repeat(10) + ' b', { maxLength: 11 }), 'a'.repeat(10));
  assert.equal(slugify('clean_up.v2 (EU)', { keep: '_.' }), 'clean_up.v2-eu');
  assert.equal(slugify('_.lead and trail._', { keep: '_.' }), 'lead-and-trail');
});

test('the dashboard id, job id and file name writers use it with their own limits', () => {
  assert.equal(dashboardId('Revenue & CLV (EU)'), 'revenue-clv-eu');
  assert.equal(dashboardId('***'), 'dashboard');
  assert.equal(dashboardId('x'.repeat(100)).length, 48);
  assert.equal(jobId('Nightly clean_up.v2 (EU)'), 'nightly-clean_up.v2-eu');
  assert.equal(jobId('x'.repeat(100)).length, 64);
  assert.equal(fileBaseName('Revenue by tier (EUR)'), 'revenue-by-tier-eur');
  assert.equal(fileBaseName('!!!'), 'widget');
  assert.equal(fileBaseName('y'.repeat(100)).length, 80);
});
