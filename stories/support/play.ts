// Helpers every story's play function uses: find the story's element, wait for a condition.

/** The first `<tag>` in the story's canvas, once it has updated. */
export async function storyElement<K extends keyof HTMLElementTagNameMap>(canvas: HTMLElement, tag: K): Promise<HTMLElementTagNameMap[K]> {
  const el = canvas.querySelector(tag);
  if (!el) throw new Error(`the story has no <${tag}>`);
  if ('updateComplete' in el) await (el as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** Resolves once `condition()` holds; rejects after `timeoutMs`, naming what it waited for. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
