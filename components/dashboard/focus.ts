/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Closes a dialog element at once (not at the next render) and puts focus back on the element that
 * opened it, before the caller learns the answer: whatever the caller then focuses stays focused.
 */
export function closeNow(root: ParentNode, opener: HTMLElement | undefined): void {
  const dialog = root.querySelector('dialog');
  if (dialog?.open) dialog.close();
  if (opener?.isConnected) opener.focus();
}
