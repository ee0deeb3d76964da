import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { widgetCatalog } from '../../src/widgets/catalog.js';

// The story axe test imports each stories module by name (the browser test runner has no glob
// import), so a new stories file must be added there; this test says which one is missing.
test('the story axe test covers every file in stories/', () => {
  const files = readdirSync(new URL('../../stories/', import.meta.url))
    .filter((f) => f.endsWith('.stories.ts'))
    .map((f) => f.replace(/\.stories\.ts$/, ''))
    .sort();
  const text = readFileSync(new URL('../stories-a11y.test.ts', import.meta.url), 'utf8');
  const listed = [...text.matchAll(/from '\.\.\/stories\/([\w-]+)\.stories\.js'/g)].map((m) => m[1]!).sort();
  const keyed = [...text.matchAll(/^\s+'([\w-]+)': \w+ as unknown as StoryModule,$/gm)].map((m) => m[1]!).sort();
  assert.ok(files.length >= 5, 'stories/ should hold the stories files');
  assert.deepEqual(listed, files, 'tests/stories-a11y.test.ts must import every stories/*.stories.ts');
  assert.deepEqual(keyed, files, 'STORY_MODULES in tests/stories-a11y.test.ts must list every stories file');
});

// CSF needs static named exports, so the catalog stories are written out one by one; this test
// says which catalog widget has no story (or which story names no catalog widget).
test('stories/widget-catalog.stories.ts has one story per catalog widget', () => {
  const text = readFileSync(new URL('../../stories/widget-catalog.stories.ts', import.meta.url), 'utf8');
  const stories = [...text.matchAll(/^export const \w+ = entry\('([\w-]+)'\);$/gm)].map((m) => m[1]!);
  assert.equal(new Set(stories).size, stories.length, 'a catalog widget has two stories');
  assert.deepEqual([...stories].sort(), widgetCatalog.map((e) => e.id).sort(), 'every catalog widget needs exactly one story');
});
