// Renders Storybook CSF stories outside Storybook (args, loaders, decorators, render, play), so a
// test can check every story the way a designer sees it.
import { render, type TemplateResult } from 'lit';

type Args = Record<string, unknown>;
interface StoryContextLike {
  args: Args;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
  id: string;
  name: string;
  title: string;
}
type RenderFn = (args: Args, context: StoryContextLike) => unknown;
type Loader = (context: { args: Args }) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
type Decorator = (story: () => unknown, context: StoryContextLike) => unknown;
interface StoryLike {
  name?: string;
  args?: Args;
  loaders?: Loader | Loader[];
  decorators?: Decorator | Decorator[];
  render?: RenderFn;
  play?: (context: StoryContextLike) => Promise<void> | void;
}
interface MetaLike extends StoryLike {
  title: string;
  component?: string;
}
export interface StoryModule {
  default: MetaLike;
  [name: string]: unknown;
}

export interface StoryCase {
  title: string;
  name: string;
  run(canvas: HTMLElement): Promise<void>;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every story of a module (CSF: the named exports other than `__namedExportsOrder`). */
export function storiesOf(module: StoryModule): StoryCase[] {
  const meta = module.default;
  return Object.entries(module)
    .filter(([key, value]) => key !== 'default' && !key.startsWith('__') && typeof value === 'object' && value !== null)
    .map(([key, value]) => {
      const story = value as StoryLike;
      const name = story.name ?? key;
      return {
        title: meta.title,
        name,
        async run(canvas: HTMLElement) {
          const args: Args = { ...meta.args, ...story.args };
          const loaded: Record<string, unknown> = {};
          for (const loader of [...list(meta.loaders), ...list(story.loaders)]) Object.assign(loaded, (await loader({ args })) ?? {});
          const context: StoryContextLike = { args, loaded, canvasElement: canvas, id: key, name, title: meta.title };
          const renderStory = story.render ?? meta.render;
          if (!renderStory) throw new Error(`${meta.title} / ${name} has no render function`);
          let draw: () => unknown = () => renderStory(args, context);
          for (const decorator of [...list(story.decorators), ...list(meta.decorators)]) {
            const inner = draw;
            draw = () => decorator(inner, context);
          }
          render(draw() as TemplateResult, canvas);
          await settle(canvas);
          if (story.play) {
            await story.play(context);
            await settle(canvas);
          }
        },
      };
    });
}

/** Elements in `root` and in every shadow root below it. */
function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the story to come to rest: Lit updates done and every `rendered` promise (charts,
 * widgets) settled — or `capMs`, since a loading-state story never settles by design.
 */
export async function settle(canvas: HTMLElement, capMs = 4_000): Promise<void> {
  const deadline = sleep(capMs);
  for (let round = 0; round < 3; round++) {
    const waits: Array<Promise<unknown>> = [];
    for (const el of deepElements(canvas)) {
      const e = el as Partial<{ updateComplete: Promise<unknown>; rendered: Promise<unknown> }>;
      if (e.updateComplete instanceof Promise) waits.push(e.updateComplete);
      if (e.rendered instanceof Promise) waits.push(e.rendered.catch(() => undefined));
    }
    await Promise.race([Promise.all(waits), deadline]);
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
}
