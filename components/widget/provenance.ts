import { html, type TemplateResult } from 'lit';
import type { Provenance, ScalarValue } from '../../src/contracts/result.js';

/**
 * How a result was obtained, for people: the SQL with its bound values, the HTTP request, or the
 * in-memory plan. The text is only ever rendered through Lit templates.
 */

/** What the provenance is called in the menu and the dialog title. */
export function provenanceName(p: Provenance): string {
  return p.kind === 'sql' ? 'SQL' : p.kind === 'request' ? 'request' : 'query plan';
}

/** A bound value as it would be written in SQL: 'text' (quotes doubled), numbers, TRUE/FALSE, NULL. */
export function sqlLiteral(value: ScalarValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

const requestBody = (body: unknown) => (body === undefined ? '' : JSON.stringify(body, null, 2));

/** The text the Copy button puts on the clipboard: SQL with its values as comments, or the request. */
export function provenanceText(p: Provenance): string {
  switch (p.kind) {
    case 'sql':
      // Placeholders are positional ("?" or "$1"), so values are numbered in placeholder order.
      return [p.sql, ...p.params.map((v, i) => `-- parameter ${i + 1} = ${sqlLiteral(v)}`)].join('\n');
    case 'request':
      return p.body === undefined ? `${p.method} ${p.url}` : `${p.method} ${p.url}\n\n${requestBody(p.body)}`;
    case 'memory':
      return p.plan;
  }
}

/** The provenance as HTML: preformatted text in focusable scroll boxes, and the bound values listed. */
export function renderProvenance(p: Provenance): TemplateResult {
  switch (p.kind) {
    case 'sql':
      return html`<pre part="code" class="code" tabindex="0" role="region" aria-label="SQL text"><code>${p.sql}</code></pre>
        <h3 class="section-title">Bound parameters, in placeholder order</h3>
        ${p.params.length
          ? html`<ul part="params" class="params">
              ${p.params.map((v, i) => html`<li>Parameter ${i + 1} = <code>${sqlLiteral(v)}</code></li>`)}
            </ul>`
          : html`<p class="muted">None: the statement has no parameters.</p>`}`;
    case 'request':
      return html`<p part="request-line" class="request-line"><code>${p.method} ${p.url}</code></p>
        <h3 class="section-title">Body</h3>
        ${p.body === undefined
          ? html`<p class="muted">None: the request has no body.</p>`
          : html`<pre part="code" class="code" tabindex="0" role="region" aria-label="Request body"><code>${requestBody(p.body)}</code></pre>`}`;
    case 'memory':
      return html`<pre part="code" class="code" tabindex="0" role="region" aria-label="Query plan"><code>${p.plan}</code></pre>`;
  }
}
