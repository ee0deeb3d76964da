// HttpDashboardStore against the mock backend (msw/node): the store contract end to end over REST,
// the wire details (ETag, If-Match, 428, 400 with the field), retries of reads only, and answers
// that do not fit the contract.
import { after, afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { HttpDashboardStore, type HttpDashboardStoreOptions } from '../../src/dashboards/stores/http-store.js';
import { MemoryDashboardStore } from '../../src/dashboards/stores/memory-store.js';
import { createDashboardHandlers } from '../../mocks/dashboard-handlers.js';
import { createMockHandlers } from '../../mocks/handlers.js';
import { startMockServer } from '../../mocks/node.js';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { tinyShopData, tinyShopModel } from '../../mocks/tiny-shop.js';
import { dashboardSpec, steppingClock, unchecked } from './support/dashboard-fixtures.js';
import { dashboardStoreContract, rejection } from './support/dashboard-store-contract.js';

const BASE = 'http://clv.test/api';
const server = startMockServer([]);
afterEach(() => server.resetHandlers());
after(() => server.close());

const client = (options: Partial<HttpDashboardStoreOptions> = {}) => new HttpDashboardStore({ baseUrl: BASE, backoffMs: 5, ...options });

/** Serves /dashboards from a fresh memory store and returns it. */
function serve(now?: () => Date): MemoryDashboardStore {
  const store = new MemoryDashboardStore({ now });
  server.use(...createDashboardHandlers({ baseUrl: BASE, store, latency: false }));
  return store;
}

dashboardStoreContract('HttpDashboardStore → MSW', (now) => {
  server.resetHandlers();
  serve(now);
  return { client: () => client() };
});

describe('dashboards REST contract (mock backend)', () => {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${BASE}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  test('POST is 201, GET carries the revision as ETag, PUT needs If-Match, DELETE is 204', async () => {
    serve(steppingClock().now);
    const spec = dashboardSpec('sales', 'Sales');
    const created = await send('POST', '/dashboards', { spec });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('etag'), '"1"');
    assert.equal((await send('POST', '/dashboards', { spec })).status, 409);

    const got = await send('GET', '/dashboards/sales');
    assert.equal(got.headers.get('etag'), '"1"');
    assert.deepEqual(((await got.json()) as { revision: number; updatedAt: string }).updatedAt, '2025-01-15T09:00:00.000Z');

    const noPrecondition = await send('PUT', '/dashboards/sales', { spec });
    assert.equal(noPrecondition.status, 428);
    assert.deepEqual(((await noPrecondition.json()) as { error: unknown }).error, {
      code: 'invalid',
      message: 'A save must say which revision it started from: send If-Match: "<revision>" (the ETag of the GET).',
      field: 'If-Match',
    });
    const star = await send('PUT', '/dashboards/sales', { spec }, { 'if-match': '*' });
    assert.equal(star.status, 400);
    const otherId = await send('PUT', '/dashboards/sales', { spec: dashboardSpec('ops', 'Ops') }, { 'if-match': '"1"' });
    assert.equal(otherId.status, 400);
    assert.equal(((await otherId.json()) as { error: { field: string } }).error.field, 'id');

    const saved = await send('PUT', '/dashboards/sales', { spec: { ...spec, name: 'Sales 2' } }, { 'if-match': '"1"' });
    assert.equal(saved.status, 200);
    assert.equal(saved.headers.get('etag'), '"2"');
    const stale = await send('PUT', '/dashboards/sales', { spec }, { 'if-match': 'W/"1"' });
    assert.equal(stale.status, 409);
    const conflict = (await stale.json()) as { error: { code: string }; current: { revision: number; spec: { name: string } } };
    assert.equal(conflict.error.code, 'conflict');
    assert.equal(conflict.current.revision, 2);
    assert.equal(conflict.current.spec.name, 'Sales 2');

    const deleted = await send('DELETE', '/dashboards/sales');
    assert.equal(deleted.status, 204);
    assert.equal(await deleted.text(), '');
    const gone = await send('DELETE', '/dashboards/sales');
    assert.equal(gone.status, 404);
    assert.equal(((await gone.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('an invalid spec is 400 naming the field inside the spec; a body that is not JSON is 400', async () => {
    const store = serve();
    const good = dashboardSpec('grid', 'Grid');
    const cases: Array<[unknown, string | undefined]> = [
      [{ spec: { ...good, widgets: [{ ...good.widgets[0], layout: { x: 10, y: 0, w: 4, h: 2 } }] } }, 'widgets.0.layout.w'],
      [{ spec: { ...good, version: 2 } }, 'version'],
      [{ dashboard: good }, 'spec'],
      ['{not json', undefined],
    ];
    for (const [body, field] of cases) {
      const res = await send('POST', '/dashboards', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      const json = (await res.json()) as { error: { code: string; field?: string; message: string } };
      assert.equal(json.error.code, 'invalid');
      assert.equal(json.error.field, field, JSON.stringify(body));
    }
    assert.deepEqual(await store.list(), []);
  });

  test('the full mock backend serves /dashboards beside the data API, and the catch-all still answers 404', async () => {
    const dashboards = new MemoryDashboardStore();
    server.use(...createMockHandlers({ adapter: new MemoryAdapter(tinyShopModel, tinyShopData()), baseUrl: BASE, latency: false, dashboards }));
    await client().create(dashboardSpec('sales', 'Sales'));
    assert.deepEqual((await dashboards.list()).map((s) => s.id), ['sales']);
    assert.equal((await send('GET', '/capabilities')).status, 200);
    const unknown = await send('GET', '/dashboards-archive');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'not_found');
  });
});

describe('HttpDashboardStore over a scripted server', () => {
  const stored = (revision: number, name = 'Sales') => ({ spec: dashboardSpec('sales', name), revision, updatedAt: '2025-01-15T09:00:00.000Z' });
  const json = (body: JsonBodyType, status = 200, headers?: Record<string, string>) => () => HttpResponse.json(body, { status, headers });

  /** Serves the given responses in turn (the last one repeats), counting calls and keeping request headers. */
  function script(method: 'get' | 'post' | 'put' | 'delete', path: string, ...responses: Array<() => Response>) {
    const calls = { n: 0, headers: [] as Headers[] };
    server.use(
      http[method](`${BASE}${path}`, ({ request }) => {
        calls.headers.push(request.headers);
        return responses[Math.min(calls.n++, responses.length - 1)]!();
      }),
    );
    return calls;
  }

  test('a GET answered 503 is retried, and succeeds on the third attempt', async () => {
    const down = json({ error: { code: 'unavailable', message: 'warming up' } }, 503);
    const calls = script('get', '/dashboards/sales', down, down, json(stored(4)));
    const got = await client().get('sales');
    assert.equal(calls.n, 3);
    assert.equal(got.revision, 4);
    const list = script('get', '/dashboards', json({ error: { code: 'backend', message: 'db restarting' } }, 500), json({ dashboards: [] }));
    assert.deepEqual(await client().list(), []);
    assert.equal(list.n, 2);
  });

  test('retries stop at `retries`, and a 404 is never retried', async () => {
    const calls = script('get', '/dashboards/sales', json({ error: { code: 'unavailable', message: 'still down' } }, 503));
    const e = await rejection(client({ retries: 2 }).get('sales'), 'unavailable');
    assert.equal(e.message, 'still down');
    assert.equal(calls.n, 3);
    const missing = script('get', '/dashboards/ops', json({ error: { code: 'not_found', message: 'There is no dashboard "ops".' } }, 404));
    await rejection(client().get('ops'), 'not_found');
    assert.equal(missing.n, 1);
  });

  test('a PUT, a POST and a DELETE answered 503 are not retried', async () => {
    const down = json({ error: { code: 'unavailable', message: 'overloaded' } }, 503);
    const put = script('put', '/dashboards/sales', down, json(stored(2)));
    const e = await rejection(client().save(dashboardSpec('sales', 'Sales'), 1), 'unavailable');
    assert.equal(e.message, 'overloaded');
    assert.equal(put.n, 1);
    assert.equal(put.headers[0]!.get('if-match'), '"1"');
    const post = script('post', '/dashboards', down, json(stored(1), 201));
    await rejection(client().create(dashboardSpec('sales', 'Sales')), 'unavailable');
    assert.equal(post.n, 1);
    const del = script('delete', '/dashboards/sales', down, () => new HttpResponse(null, { status: 204 }));
    await rejection(client().delete('sales'), 'unavailable');
    assert.equal(del.n, 1);
  });

  test('a malformed answer is "unavailable" naming the field', async () => {
    script('get', '/dashboards/sales', json({ ...stored(2), revision: 'two' }));
    const e = await rejection(client().get('sales'), 'unavailable');
    assert.equal(e.field, 'revision');
    assert.match(e.message, /GET http:\/\/clv\.test\/api\/dashboards\/sales answered with an invalid body: revision:/);

    script('get', '/dashboards', json({ dashboards: [{ id: 'sales', name: 'Sales', widgetCount: -1, revision: 1, updatedAt: '' }] }));
    assert.equal((await rejection(client().list(), 'unavailable')).field, 'dashboards.0.widgetCount');

    const broken = stored(2);
    broken.spec.widgets[0]!.layout.w = 40;
    script('put', '/dashboards/sales', json(broken));
    assert.equal((await rejection(client().save(dashboardSpec('sales', 'Sales'), 1), 'unavailable')).field, 'spec.widgets.0.layout.w');

    script('post', '/dashboards', json({ ...stored(1), spec: dashboardSpec('ops', 'Ops') }, 201));
    assert.equal((await rejection(client().create(dashboardSpec('sales', 'Sales')), 'unavailable')).field, 'spec.id');

    script('get', '/dashboards/html', () => new HttpResponse('<html>gateway</html>', { status: 200 }));
    assert.match((await rejection(client().get('html'), 'unavailable')).message, /not JSON: <html>gateway<\/html>/);
  });

  test('a conflict carries the validated current version; one without a valid current is "unavailable"', async () => {
    script('put', '/dashboards/sales', json({ error: { code: 'conflict', message: 'moved on' }, current: stored(5, 'Theirs') }, 409));
    const conflict = await rejection(client().save(dashboardSpec('sales', 'Mine'), 4), 'conflict');
    assert.equal(conflict.current?.revision, 5);
    assert.equal(conflict.current?.spec.name, 'Theirs');

    server.resetHandlers();
    script('put', '/dashboards/sales', json({ error: { code: 'conflict', message: 'moved on' }, current: { revision: 5 } }, 409));
    const e = await rejection(client().save(dashboardSpec('sales', 'Mine'), 4), 'unavailable');
    assert.equal(e.field, 'current.spec');
  });

  test('answers without a dashboard error body map by status and by the data API codes', async () => {
    script('post', '/dashboards', () => new HttpResponse('taken', { status: 409 }));
    await rejection(client().create(dashboardSpec('sales', 'Sales')), 'exists');
    script('get', '/dashboards/x', json({ error: { code: 'not_found', message: 'There is no endpoint GET /api/dashboards/x.' } }, 404));
    await rejection(client().get('x'), 'not_found');
    script('put', '/dashboards/sales', json({ error: { code: 'invalid_request', message: 'bad', field: 'spec.name' } }, 400));
    assert.equal((await rejection(client().save(dashboardSpec('sales', 'Sales'), 1), 'invalid')).field, 'spec.name');
  });

  test('an invalid spec is refused before any request', async () => {
    const calls = script('post', '/dashboards', json(stored(1), 201));
    const e = await rejection(client().create(unchecked({ ...dashboardSpec('sales', 'Sales'), rowHeight: 5 })), 'invalid');
    assert.equal(e.field, 'rowHeight');
    assert.equal(calls.n, 0);
  });

  test('headers are sent; the deadline ends a slow read as "unavailable"', async () => {
    const calls = script('get', '/dashboards', json({ dashboards: [] }));
    await client({ headers: () => ({ authorization: 'Bearer t1' }) }).list();
    assert.equal(calls.headers[0]!.get('authorization'), 'Bearer t1');

    server.use(
      http.get(`${BASE}/dashboards/slow`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return HttpResponse.json(stored(1));
      }),
    );
    const t0 = performance.now();
    const e = await rejection(client({ timeoutMs: 100 }).get('slow'), 'unavailable');
    assert.ok(performance.now() - t0 < 450, 'gave up at the deadline');
    assert.match(e.message, /No answer within 100 ms/);
  });

  test('options are checked', () => {
    assert.throws(() => client({ retries: -1 }), (e: Error & { field?: string }) => e.field === 'retries');
    assert.throws(() => client({ timeoutMs: 0 }), (e: Error & { field?: string }) => e.field === 'timeoutMs');
  });
});
