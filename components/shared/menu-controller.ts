import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which item takes the focus as a menu opens. */
export type MenuFocus = 'first' | 'last';

export interface MenuOptions {
  /** The menu: a `role=menu` element with `popover=manual`, holding the `[role=menuitem]` elements. */
  menu: () => HTMLElement | null;
  /** The button of the open menu: the menu lines up with it. */
  button: () => HTMLElement | null;
  /** The edge of the button the menu lines up with (it flips to the other when there is no room). */
  align: 'start' | 'end';
  /** The items' labels in menu order, for moving to an item by its first letter. */
  labels: () => readonly string[];
  /** Closes the menu (the host's state); with `returnFocus`, focus goes back to its button. */
  close: (returnFocus: boolean) => void;
  /** Whether a pointer press at this composed path leaves the menu open (default: one on the menu or its button). */
  inside?: (path: readonly EventTarget[]) => boolean;
}

const MARGIN = 8;
const GAP = 4;

/**
 * The menu button pattern over a popover: the keys of an open menu (arrows, Home, End, a letter,
 * Escape and Tab), showing and hiding the popover next to its button, and closing it on a press
 * outside. The host keeps whether (and for what) the menu is open, renders it, calls `sync` when
 * that changes and hands key presses to `onButtonKeydown` / `onMenuKeydown`.
 */
export class MenuController implements ReactiveController {
  readonly #options: MenuOptions;
  #focusOnOpen: MenuFocus = 'first';
  #open = false;

  constructor(host: ReactiveControllerHost, options: MenuOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#open = false;
    this.#listen(false);
  }

  /** Sets the item that takes the focus as the menu opens; when it is open already, focuses it now. */
  focusOnOpen(focus: MenuFocus, isOpen: boolean): void {
    this.#focusOnOpen = focus;
    if (isOpen) this.focusItem(focus === 'first' ? 0 : -1);
  }

  /** Shows or hides the popover after the host rendered a change of its open state. */
  sync(open: boolean): void {
    const menu = this.#options.menu();
    this.#open = open && menu !== null;
    if (open && menu) {
      if (!menu.matches(':popover-open')) menu.showPopover();
      this.#position();
      this.focusItem(this.#focusOnOpen === 'first' ? 0 : -1);
      this.#listen(true);
    } else {
      if (menu?.matches(':popover-open')) menu.hidePopover();
      this.#listen(false);
    }
  }

  #items(): HTMLElement[] {
    return [...(this.#options.menu()?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
  }

  /** Focuses item `index`; negative counts from the end. */
  focusItem(index: number): void {
    const items = this.#items();
    if (items.length) items.at(index % items.length)?.focus();
  }

  /** ArrowDown or ArrowUp on the menu button: which item to open the menu on (Enter and Space reach the button as a click). */
  buttonKey(event: KeyboardEvent): MenuFocus | undefined {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return undefined;
    event.preventDefault();
    return event.key === 'ArrowDown' ? 'first' : 'last';
  }

  onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#items();
    const root = this.#options.menu()?.getRootNode() as Document | ShadowRoot | undefined;
    const current = items.indexOf(root?.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      this.focusItem((index + items.length) % items.length);
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current + 1);
      case 'ArrowUp':
        return move(current < 0 ? -1 : current - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return this.#options.close(true);
      case 'Tab':
        // Focus goes back to the button first, so Tab continues from there to the next control.
        return this.#options.close(true);
    }
    // Typing a letter moves to the next item that starts with it.
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.trim()) {
      const letter = event.key.toLowerCase();
      const labels = this.#options.labels();
      for (let step = 1; step <= items.length; step++) {
        const index = (current + step) % items.length;
        if (labels[index]?.toLowerCase().startsWith(letter)) return move(index);
      }
    }
  };

  #listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('pointerdown', this.#onDocumentPointerDown, true);
    window[method]('resize', this.#onViewportChange);
    window[method]('scroll', this.#onViewportChange, true);
  }

  #onDocumentPointerDown = (event: Event): void => {
    const path = event.composedPath();
    if (this.#options.inside ? this.#options.inside(path) : this.#onMenuOrButton(path)) return;
    this.#options.close(false);
  };

  #onMenuOrButton(path: readonly EventTarget[]): boolean {
    const menu = this.#options.menu();
    const button = this.#options.button();
    return (menu !== null && path.includes(menu)) || (button !== null && path.includes(button));
  }

  #onViewportChange = (): void => {
    if (this.#open) this.#position();
  };

  /** Below the button, lined up with its `align` edge (the other one when there is no room); above it when there is no room below. */
  #position(): void {
    const menu = this.#options.menu();
    const button = this.#options.button();
    if (!menu || !button) return;
    const box = button.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = menu;
    let left: number;
    if (this.#options.align === 'end') {
      left = box.right - width;
      if (left < MARGIN) left = Math.min(box.left, window.innerWidth - width - MARGIN);
    } else {
      left = box.left;
      if (left + width > window.innerWidth - MARGIN) left = box.right - width;
    }
    let top = box.bottom + GAP;
    if (top + height > window.innerHeight - MARGIN && box.top - GAP - height >= MARGIN) top = box.top - GAP - height;
    menu.style.left = `${Math.max(MARGIN, left)}px`;
    menu.style.top = `${Math.max(MARGIN, top)}px`;
  }
}
