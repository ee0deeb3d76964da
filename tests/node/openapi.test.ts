// The OpenAPI document: committed files match the generator, the document hangs together
// (operations, parameters, every $ref), examples satisfy the zod contracts, and the mock backend
// serves exactly the documented operations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { HttpHandler } from 'msw';
import { MemoryAdapter } from '../../src/engines/memory/index.js';
import { bodySchemas, buildOpenApiDocument, openApiFiles } from '../../src/engines/http/openapi/document.js';
import { toYaml } from '../../src/engines/http/openapi/yaml.js';
import { restPaths } from '../../src/engines/http/wire.js';
import { dashboardRestPaths } from '../../src/dashboards/stores/rest.js';
import { createMockHandlers } from '../../mocks/index.js';
import { tinyShopData, tinyShopModel } from '../../mocks/tiny-shop.js';

type Json = Record<string, unknown>;
const root = new URL('../../', import.meta.url);
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Json & Record<string, Json>>; components: Json };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function resolvePointer(document: unknown, ref: string): unknown {
  assert.ok(ref.startsWith('#/'), `only local refs are used: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), document);
}

function* walk(node: unknown, path = '#'): Generator<[string, Json]> {
  if (Array.isArray(node)) for (const [i, n] of node.entries()) yield* walk(n, `${path}/${i}`);
  else if (node && typeof node === 'object') {
    yield [path, node as Json];
    for (const [k, v] of Object.entries(node)) yield* walk(v, `${path}/${k}`);
  }
}

const deref = (node: Json): Json => (typeof node.$ref === 'string' ? deref(resolvePointer(doc, node.$ref) as Json) : node);

test('committed openapi files equal the generated ones', () => {
  for (const [file, content] of Object.entries(openApiFiles())) {
    assert.equal(readFileSync(new URL(file, root), 'utf8'), content, `${file} is stale: run npm run openapi`);
  }
});

test('the document is OpenAPI 3.1 with info, servers and operations', () => {
  assert.match(String(doc.openapi), /^3\.1\.\d+$/);
  const info = doc.info as Json;
  assert.ok(info.title && info.version && String(info.description).length > 500);
  assert.ok(Array.isArray(doc.servers) && doc.servers.length > 0);
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    assert.ok(path.startsWith('/'), path);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const operations = Object.entries(item).filter(([k]) => METHODS.includes(k));
    assert.ok(operations.length > 0, `${path} has operations`);
    for (const [method, op] of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      assert.ok(typeof op.operationId === 'string' && !ids.has(op.operationId), `${where}: unique operationId`);
      ids.add(op.operationId as string);
      assert.ok(op.summary && op.description, `${where}: summary and description`);
      const params = [...((item.parameters as unknown as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map(deref);
      for (const name of templated) assert.ok(params.some((p) => p.in === 'path' && p.name === name && p.required === true), `${where}: path parameter ${name}`);
      const responses = op.responses as Record<string, Json>;
      assert.equal(Object.keys(responses).filter((s) => s.startsWith('2')).length, 1, `${where}: one 2xx response`);
      for (const [status, response] of Object.entries(responses)) {
        const r = deref(response);
        assert.ok(r.description, `${where} ${status}: description`);
        if (status === '204') {
          assert.equal(r.content, undefined, `${where} 204: no body`);
          continue;
        }
        const media = (r.content as Record<string, Json> | undefined)?.['application/json'];
        assert.ok(media?.schema, `${where} ${status}: JSON schema`);
        const errorBody = path.startsWith(dashboardRestPaths.list) ? 'DashboardErrorBody' : 'AdapterErrorBody';
        if (!status.startsWith('2')) assert.equal((media.schema as Json).$ref, `#/components/schemas/${errorBody}`, `${where} ${status}`);
      }
      if (method === 'post') assert.ok(deref(op.requestBody as Json).required, `${where}: required body`);
    }
  }
});

test('every $ref resolves', () => {
  let refs = 0;
  for (const [path, node] of walk(doc)) {
    if (typeof node.$ref !== 'string') continue;
    refs++;
    assert.notEqual(resolvePointer(doc, node.$ref), undefined, `${path}: ${node.$ref} does not resolve`);
  }
  assert.ok(refs > 50, `${refs} refs`);
});

test('every example satisfies the zod schema of its media type', () => {
  let checked = 0;
  for (const [path, node] of walk(doc)) {
    const schema = node.schema as Json | undefined;
    if (!node.examples || typeof schema?.$ref !== 'string') continue;
    const name = schema.$ref.split('/').pop()!;
    const zod = bodySchemas[name];
    assert.ok(zod, `${path}: no zod schema for ${name}`);
    for (const [key, example] of Object.entries(node.examples as Record<string, Json>)) {
      const r = zod.safeParse(example.value);
      assert.ok(r.success, `${path}/examples/${key}: ${r.error?.message}`);
      checked++;
    }
  }
  for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
    for (const example of (schema.examples as unknown[]) ?? []) {
      if (bodySchemas[name]) assert.ok(bodySchemas[name].safeParse(example).success, `components.schemas.${name} example`);
    }
  }
  assert.ok(checked >= 10, `${checked} examples`);
});

test('documented paths are the client paths, and the mock serves exactly them', () => {
  const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((k) => METHODS.includes(k))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
  const client = [
    `GET ${restPaths.capabilities}`,
    `GET ${restPaths.model}`,
    `POST ${restPaths.query}`,
    `GET ${restPaths.sample('{table}').replace('%7Btable%7D', '{table}')}`,
    `POST ${restPaths.rows('{table}').replace('%7Btable%7D', '{table}')}`,
    `POST ${restPaths.sql}`,
    `GET ${dashboardRestPaths.list}`,
    `POST ${dashboardRestPaths.list}`,
    ...['GET', 'PUT', 'DELETE'].map((m) => `${m} ${dashboardRestPaths.one('{id}').replace('%7Bid%7D', '{id}')}`),
  ];
  assert.deepEqual([...documented].sort(), [...client].sort());
  const handlers = createMockHandlers({ adapter: new MemoryAdapter(tinyShopModel, tinyShopData()), baseUrl: 'http://x.test/api', latency: false }) as HttpHandler[];
  const served = handlers
    .map((h) => `${String(h.info.method)} ${String(h.info.path).replace('http://x.test/api', '').replace(/:(\w+)/g, '{$1}')}`)
    .filter((s) => !s.endsWith('/*'));
  assert.deepEqual(served.sort(), [...documented].sort());
});

test('the YAML emitter quotes what YAML would re-type and writes prose as literal blocks', () => {
  assert.equal(toYaml({ a: 'no', b: '1.0', c: null, on: true, '/x': [] }), 'a: "no"\nb: "1.0"\nc: null\n"on": true\n"/x": []\n');
  assert.equal(toYaml({ d: 'line one\nline two' }), 'd: |-\n  line one\n  line two\n');
  assert.equal(toYaml({ l: [{ k: 1, m: [2, [3]] }] }), 'l:\n  - k: 1\n    m:\n      - 2\n      - - 3\n');
});
