import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Size {
  width: number;
  height: number;
}

/**
 * Observes the content box of its host (or of another element) with a ResizeObserver and reports
 * size changes at most once per animation frame, ignoring sub-pixel jitter.
 */
export class ResizeController implements ReactiveController {
  /** The last observed content-box size; zero before the first observation. */
  size: Size = { width: 0, height: 0 };
  readonly #host: ReactiveControllerHost & Element;
  readonly #onResize: (size: Size) => void;
  #observer?: ResizeObserver;
  #frame = 0;
  #pending?: Size;

  constructor(host: ReactiveControllerHost & Element, onResize: (size: Size) => void) {
    this.#host = host;
    this.#onResize = onResize;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      this.#pending = { width: Math.floor(box.width), height: Math.floor(box.height) };
      if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#flush());
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #flush(): void {
    this.#frame = 0;
    const next = this.#pending;
    if (!next) return;
    this.#pending = undefined;
    if (next.width === this.size.width && next.height === this.size.height) return;
    this.size = next;
    this.#onResize(next);
  }
}
