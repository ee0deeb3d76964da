/** In Node there is no page origin to resolve "/api" against, so a relative mount matches any origin. */
export function mountPoint(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || typeof location !== 'undefined' ? trimmed : `*${trimmed}`;
}
