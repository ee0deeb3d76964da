import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A pointer position during a drag, with how far it has come from where the drag began. */
export interface DragPoint {
  clientX: number;
  clientY: number;
  startX: number;
  startY: number;
}

export interface PointerDragHandlers<T> {
  move(context: T, point: DragPoint): void;
  drop(context: T, point: DragPoint): void;
  /** Escape, pointercancel, cancel() or the host leaving the document. */
  cancel(context: T): void;
}

interface Session<T> {
  context: T;
  pointerId: number;
  target: Element;
  startX: number;
  startY: number;
}

/**
 * Follows one pointer from a pointerdown until it is released (drop) or the drag is abandoned
 * (Escape, pointercancel): mouse, pen and touch alike. The pointer is captured by the element it
 * went down on, so moves outside it (or outside the window) still arrive.
 */
export class PointerDragController<T> implements ReactiveController {
  readonly #handlers: PointerDragHandlers<T>;
  #session?: Session<T>;

  constructor(host: ReactiveControllerHost, handlers: PointerDragHandlers<T>) {
    this.#handlers = handlers;
    host.addController(this);
  }

  /** The context of the drag in progress, if any. */
  get context(): T | undefined {
    return this.#session?.context;
  }

  /** Starts a drag from a pointerdown (primary button only); false when it did not start. */
  begin(event: PointerEvent, context: T): boolean {
    const target = event.currentTarget;
    if (this.#session || !event.isPrimary || event.button !== 0 || !(target instanceof Element)) return false;
    try {
      target.setPointerCapture(event.pointerId);
    } catch {
      // A script-made pointer that the browser does not track cannot be captured; the window
      // listeners below still follow it.
    }
    this.#session = { context, pointerId: event.pointerId, target, startX: event.clientX, startY: event.clientY };
    window.addEventListener('pointermove', this.#onMove);
    window.addEventListener('pointerup', this.#onUp);
    window.addEventListener('pointercancel', this.#onCancel);
    window.addEventListener('keydown', this.#onKeyDown, true);
    return true;
  }

  /** Abandons the drag in progress (the handlers' cancel runs). */
  cancel(): void {
    const session = this.#end();
    if (session) this.#handlers.cancel(session.context);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  #point(event: PointerEvent, session: Session<T>): DragPoint {
    return { clientX: event.clientX, clientY: event.clientY, startX: session.startX, startY: session.startY };
  }

  #end(): Session<T> | undefined {
    const session = this.#session;
    if (!session) return undefined;
    this.#session = undefined;
    window.removeEventListener('pointermove', this.#onMove);
    window.removeEventListener('pointerup', this.#onUp);
    window.removeEventListener('pointercancel', this.#onCancel);
    window.removeEventListener('keydown', this.#onKeyDown, true);
    if (session.target.hasPointerCapture(session.pointerId)) session.target.releasePointerCapture(session.pointerId);
    return session;
  }

  readonly #onMove = (event: PointerEvent): void => {
    const session = this.#session;
    if (!session || event.pointerId !== session.pointerId) return;
    event.preventDefault();
    this.#handlers.move(session.context, this.#point(event, session));
  };

  readonly #onUp = (event: PointerEvent): void => {
    const session = this.#session;
    if (!session || event.pointerId !== session.pointerId) return;
    this.#end();
    this.#handlers.drop(session.context, this.#point(event, session));
  };

  readonly #onCancel = (event: PointerEvent): void => {
    if (this.#session && event.pointerId === this.#session.pointerId) this.cancel();
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // The drag owns Escape: a dialog around the grid should not close as well.
    event.preventDefault();
    event.stopPropagation();
    this.cancel();
  };
}
