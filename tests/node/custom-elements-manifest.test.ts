// custom-elements.json: the committed manifest matches the analyzer's output for the current
// components, and it carries what the JSDoc declares (tags, events, slots, css parts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Named {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  customElement?: boolean;
  tagName?: string;
  summary?: string;
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  attributes?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8')) as Manifest;
const elements = new Map<string, Declaration & { path: string }>();
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) elements.set(d.tagName, { ...d, path: mod.path });
}

function element(tag: string): Declaration {
  const found = elements.get(tag);
  assert.ok(found, `${tag} is in custom-elements.json`);
  return found;
}
const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name);

/** Every tag the define files register, read from their source. */
function definedTags(): string[] {
  const files = readdirSync(new URL('components/', root), { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /(^|\/)define(-[a-z-]+)?\.ts$/.test(f));
  const tags = new Set<string>();
  for (const file of files) {
    const source = readFileSync(new URL(`components/${file}`, root), 'utf8');
    for (const m of source.matchAll(/define\(\s*'(clv-[a-z0-9-]+)'/g)) tags.add(m[1]!);
  }
  return [...tags].sort();
}

test('the committed custom-elements.json is what npm run manifest generates', () => {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('scripts/manifest.mjs', root)), '--check'], {
    cwd: fileURLToPath(root),
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `npm run manifest -- --check failed:\n${run.stderr}${run.stdout}`);
  assert.match(run.stdout, /up to date/);
});

test('package.json points tools at the manifest', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { customElements?: string; files?: string[] };
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files?.includes('custom-elements.json'), 'the manifest is published');
  assert.equal(manifest.schemaVersion, '1.0.0');
});

test('every clv- tag defined in components/**/define*.ts is described, with a summary', () => {
  const tags = definedTags();
  assert.ok(tags.length >= 20, `found the define calls (${tags.length})`);
  for (const tag of ['clv-widget', 'clv-widget-composer', 'clv-dashboard', 'clv-composer-shelves']) assert.ok(tags.includes(tag), tag);
  for (const tag of tags) {
    const d = element(tag);
    assert.equal(d.kind, 'class');
    assert.ok((d.summary ?? '').length > 10, `${tag} has a @summary`);
  }
  // and the manifest describes no element that nothing defines
  assert.deepEqual([...elements.keys()].sort(), tags);
});

test('clv-widget-composer lists its save and cancel events', () => {
  const composer = element('clv-widget-composer');
  assert.equal((composer as { path?: string }).path, 'components/widget-composer/widget-composer.ts');
  const events = names(composer.events);
  assert.ok(events.includes('clv-composer-save'), `events: ${events.join(', ')}`);
  assert.ok(events.includes('clv-composer-cancel'), `events: ${events.join(', ')}`);
  for (const e of composer.events ?? []) assert.ok((e.description ?? '').length > 0, `${e.name} is described`);
});

test('clv-widget lists its actions slot and plot css part', () => {
  const widget = element('clv-widget');
  assert.ok(names(widget.slots).includes('actions'), `slots: ${names(widget.slots).join(', ')}`);
  const parts = names(widget.cssParts);
  for (const part of ['plot', 'base', 'header', 'error', 'retry-button']) assert.ok(parts.includes(part), `part ${part}`);
  assert.match(widget.cssParts!.find((p) => p.name === 'plot')!.description ?? '', /chart area/);
  for (const event of ['clv-widget-click', 'clv-query-complete', 'clv-query-error']) assert.ok(names(widget.events).includes(event), event);
});
