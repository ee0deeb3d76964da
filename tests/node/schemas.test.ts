// schemas/*.schema.json: committed files match the generator, each is a self-contained
// draft 2020-12 document whose refs resolve, and its examples satisfy the zod contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  CONTRACT_FILES,
  CONTRACTS,
  annotate,
  componentSchemas,
  contractJsonSchema,
  createContractRegistry,
  schemaFiles,
  type ContractName,
} from '../../src/contracts/json-schema.js';

type Json = Record<string, unknown>;
const root = new URL('../../', import.meta.url);
const names = Object.keys(CONTRACTS) as ContractName[];

function* nodes(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const n of node) yield* nodes(n);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const v of Object.values(node)) yield* nodes(v);
  }
}

test('committed schema files equal the generated ones, one per contract', () => {
  const files = schemaFiles();
  assert.deepEqual(Object.keys(files).sort(), names.map((n) => `schemas/${CONTRACT_FILES[n]}`).sort());
  for (const [file, content] of Object.entries(files)) {
    assert.equal(readFileSync(new URL(file, root), 'utf8'), content, `${file} is stale: run npm run schemas`);
  }
  const onDisk = readdirSync(new URL('schemas/', root)).filter((f) => f.endsWith('.schema.json'));
  assert.deepEqual(onDisk.sort(), Object.values(CONTRACT_FILES).sort(), 'no stray schema files');
});

test('each schema is self-contained draft 2020-12 and every $ref resolves', () => {
  for (const name of names) {
    const schema = contractJsonSchema(name);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.title, name);
    assert.ok(String(schema.description).length > 20, `${name} is described`);
    const defs = (schema.$defs ?? {}) as Json;
    for (const node of nodes(schema)) {
      if (typeof node.$ref !== 'string') continue;
      const ref = node.$ref;
      assert.ok(ref === '#' || (ref.startsWith('#/$defs/') && ref.slice(8) in defs), `${name}: ${ref} does not resolve`);
    }
    assert.ok(!JSON.stringify(schema).includes('Not representable'), `${name}: everything has a JSON Schema form`);
  }
});

test('examples satisfy the zod contracts', () => {
  for (const name of names) {
    const examples = (contractJsonSchema(name).examples ?? []) as unknown[];
    assert.ok(examples.length > 0, `${name} has examples`);
    for (const example of examples) {
      const r = CONTRACTS[name].safeParse(example);
      assert.ok(r.success, `${name} example: ${r.error?.message}`);
    }
  }
});

test('refinements that JSON Schema can express are carried over', () => {
  const components = componentSchemas(createContractRegistry());
  assert.deepEqual(components.Measure!.else, { required: ['column'] });
  assert.equal((components.SemanticQuery!.anyOf as unknown[]).length, 3);
  // recursion of filter groups goes through a named component, not an inline copy
  const filterNode = JSON.stringify(components.FilterNode);
  assert.ok(filterNode.includes('"#/components/schemas/FilterNode"'));
  // defaults stay visible: the schemas describe what a receiver accepts
  assert.equal(((components.SemanticQuery!.properties as Json).limit as Json).default, 10_000);
  assert.ok(!((components.SemanticQuery!.required as string[] | undefined) ?? []).includes('limit'));
});

test('the contract registry refuses a schema documented twice', () => {
  assert.throws(() => annotate(createContractRegistry(), CONTRACTS.DataModel, { description: 'again' }), /registered twice/);
});
