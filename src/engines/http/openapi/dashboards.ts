import type { z } from 'zod';
import { annotate, type SchemaRegistry } from '../../../contracts/json-schema.js';
import { DashboardSpecSchema } from '../../../dashboards/spec.js';
import { DashboardErrorBody, DashboardErrorCode, DashboardListSchema, DashboardWriteRequestSchema } from '../../../dashboards/stores/rest.js';
import { BrokenEntrySchema, DashboardSummarySchema, StoredDashboardSchema } from '../../../dashboards/stores/stored.js';
import { json, ref } from './media.js';

/** The dashboards part of the OpenAPI document: paths, schemas, responses and examples of /dashboards. */

export const exampleDashboardSpec = {
  version: 1,
  id: 'sales-overview',
  name: 'Sales overview',
  description: 'Revenue by loyalty tier, narrowed by date and tier.',
  widgets: [
    {
      id: 'revenue-by-tier',
      spec: {
        version: 2,
        title: 'Revenue by loyalty tier',
        data: { kind: 'semantic', query: { measures: ['transactions.revenue'], dimensions: ['customers.loyalty_tier'] } },
        mark: 'bar',
        encodings: { x: { field: 'customers.loyalty_tier', type: 'nominal' }, y: { field: 'transactions.revenue', type: 'quantitative' } },
      },
      layout: { x: 0, y: 0, w: 6, h: 4 },
      filters: { dateRange: true, global: ['tier'], crossFilter: false },
    },
  ],
  filters: {
    dateRange: { dimension: 'transactions.ts', default: { kind: 'preset', preset: 'last 90 days' } },
    global: [
      {
        id: 'tier',
        label: 'Loyalty tier',
        member: 'customers.loyalty_tier',
        options: { kind: 'semantic', query: { dimensions: ['customers.loyalty_tier'] }, valueField: 'customers.loyalty_tier', labelField: 'customers.loyalty_tier' },
      },
    ],
  },
  rowHeight: 90,
};

const exampleStored = { spec: exampleDashboardSpec, revision: 3, updatedAt: '2025-01-15T09:30:00.000Z' };
const exampleSummary = {
  id: 'sales-overview',
  name: 'Sales overview',
  description: exampleDashboardSpec.description,
  widgetCount: 1,
  revision: 3,
  updatedAt: exampleStored.updatedAt,
};

/** Zod schema of every dashboards component a request or response names (the document test checks the examples with them). */
export const dashboardBodySchemas: Record<string, z.ZodType> = {
  DashboardSpec: DashboardSpecSchema,
  StoredDashboard: StoredDashboardSchema,
  DashboardSummary: DashboardSummarySchema,
  DashboardList: DashboardListSchema,
  DashboardWriteRequest: DashboardWriteRequestSchema,
  DashboardErrorBody,
};

export function annotateDashboardSchemas(r: SchemaRegistry): void {
  // The contract registry may already publish the spec (it is also a stand-alone JSON Schema); it is documented once.
  if (!r.has(DashboardSpecSchema)) {
    annotate(r, DashboardSpecSchema, {
      id: 'DashboardSpec',
      title: 'DashboardSpec',
      description: 'A dashboard (version 1): widgets on a 12-column grid, and the date range and global filters a viewer sets.',
      examples: [exampleDashboardSpec],
    });
  }
  annotate(r, StoredDashboardSchema, { id: 'StoredDashboard', description: 'A dashboard as stored: the spec, its revision and the time of the last save.' });
  annotate(r, StoredDashboardSchema.shape.revision, { description: '1 after create; one more on every save. The ETag of GET is this number in quotes.' });
  annotate(r, StoredDashboardSchema.shape.updatedAt, { description: 'ISO 8601 time (UTC) of the last save.' });
  annotate(r, DashboardSummarySchema, { id: 'DashboardSummary', description: 'One row of the dashboard list.' });
  annotate(r, BrokenEntrySchema, {
    description: 'Set when the stored entry cannot be read: where it is, the field at fault and what is wrong. The other fields hold what could be salvaged.',
  });
  annotate(r, DashboardListSchema, { id: 'DashboardList', description: 'Every dashboard, sorted by name (then id).' });
  annotate(r, DashboardWriteRequestSchema, { id: 'DashboardWriteRequest', description: 'Body of POST /dashboards and PUT /dashboards/{id}.' });
  annotate(r, DashboardErrorCode, {
    id: 'DashboardErrorCode',
    description:
      'invalid (400; 428 without If-Match): fix the spec or the request; not_found (404); exists (409 on create): the id is taken; conflict (409 on save): somebody saved since the If-Match revision; unavailable (500/503): a server fault, worth retrying a read.',
  });
  annotate(r, DashboardErrorBody, {
    id: 'DashboardErrorBody',
    title: 'DashboardErrorBody',
    description: 'The body of every /dashboards error: the AdapterErrorBody shape with the dashboard store codes, plus `current` on a conflict.',
  });
  annotate(r, DashboardErrorBody.shape.error.shape.field, {
    description: 'For invalid: the dotted path of the culprit inside the spec ("widgets.0.layout.w"), "id", or the header "If-Match".',
  });
  annotate(r, DashboardErrorBody.shape.current, { description: 'For conflict (required then): the dashboard as stored now.' });
}

export const dashboardTag = { name: 'dashboards', description: 'Saving and loading dashboards, with revisions so concurrent edits never overwrite each other.' };

const errorExample = (code: string, message: string, field?: string) => ({ error: { code, message, ...(field ? { field } : {}) } });
const respond = (name: string) => ({ $ref: `#/components/responses/${name}` });
const unavailable = { '500': respond('DashboardUnavailable'), '503': respond('DashboardUnavailable') };
const etag = { ETag: { $ref: '#/components/headers/DashboardETag' } };

export function dashboardComponents() {
  const body = (description: string, example: unknown) => ({ description, content: json(ref('DashboardErrorBody'), { example }) });
  return {
    parameters: {
      DashboardId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The id of the dashboard (its spec.id).',
        schema: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' },
      },
      IfMatchRevision: {
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'The revision the edit started from, in quotes (the ETag of the GET): `"3"`.',
        schema: { type: 'string', pattern: '^(W/)?"[1-9][0-9]*"$' },
      },
    },
    headers: {
      DashboardETag: { description: 'The revision of the dashboard in quotes (`"3"`); send it back as If-Match to save.', schema: { type: 'string' } },
    },
    responses: {
      DashboardInvalid: body(
        'invalid: the spec breaks the dashboard contract; `field` is the path inside the spec. Not retried.',
        errorExample('invalid', 'Invalid dashboard: widgets.0.layout.w: x + w must not exceed 12 columns', 'widgets.0.layout.w'),
      ),
      DashboardNotFound: body('not_found: there is no dashboard with this id.', errorExample('not_found', 'There is no dashboard "sales-overview".')),
      DashboardExists: body('exists: the id is taken; create with another id, or GET and PUT to change it.', errorExample('exists', 'A dashboard with the id "sales-overview" already exists.')),
      DashboardConflict: {
        description: 'conflict: the stored revision is not the If-Match revision. `current` is what is stored now; merge or reload, then PUT with its revision.',
        content: json(ref('DashboardErrorBody'), {
          example: {
            error: { code: 'conflict', message: 'Dashboard "sales-overview" was saved elsewhere (now revision 4) after revision 3 was loaded; reload it and apply the changes again.' },
            current: { ...exampleStored, revision: 4, updatedAt: '2025-01-15T09:41:12.000Z' },
          },
        }),
      },
      DashboardPreconditionRequired: body(
        'A PUT without If-Match: a save must name the revision it started from.',
        errorExample('invalid', 'A save must say which revision it started from: send If-Match: "<revision>" (the ETag of the GET).', 'If-Match'),
      ),
      DashboardUnavailable: body('unavailable: a server fault. Clients retry reads (GET) with backoff, never writes.', errorExample('unavailable', 'The dashboard database is not reachable.')),
    },
  };
}

const text = {
  listDashboards: {
    summary: 'List dashboards',
    description: 'Every dashboard as a summary (no widgets), sorted by name then id. An entry the server cannot read is listed with `broken` rather than hidden.',
  },
  createDashboard: {
    summary: 'Create a dashboard',
    description: 'Stores a new dashboard at revision 1. 409 when the id is taken; 400 naming the field when the spec is invalid. Not retried by clients.',
  },
  getDashboard: {
    summary: 'Load a dashboard',
    description: 'The stored dashboard with its revision, also given as the ETag header.',
  },
  saveDashboard: {
    summary: 'Save a dashboard',
    description: `Replaces the spec when If-Match names the stored revision, and answers with the next revision.
Somebody else's save in between makes it 409 with \`current\` (nothing is overwritten); no If-Match is 428. The spec's
id must be the path's id. Not retried by clients: a lost answer may hide a save that happened.`,
  },
  deleteDashboard: {
    summary: 'Delete a dashboard',
    description: 'Removes the dashboard whatever its revision. Not retried by clients.',
  },
} as const;

function operation(id: keyof typeof text, rest: Record<string, unknown>) {
  return { operationId: id, tags: [dashboardTag.name], summary: text[id].summary, description: text[id].description, ...rest };
}

export function dashboardPaths(): Record<string, unknown> {
  const requestBody = { required: true, content: json(ref('DashboardWriteRequest'), { salesOverview: { spec: exampleDashboardSpec } }) };
  const storedResponse = (description: string, example: unknown = exampleStored) => ({
    description,
    headers: etag,
    content: json(ref('StoredDashboard'), { salesOverview: example }),
  });
  return {
    '/dashboards': {
      get: operation('listDashboards', {
        responses: { '200': { description: 'The dashboards.', content: json(ref('DashboardList'), { one: { dashboards: [exampleSummary] } }) }, ...unavailable },
      }),
      post: operation('createDashboard', {
        requestBody,
        responses: {
          '201': storedResponse('Created, at revision 1.', { ...exampleStored, revision: 1 }),
          '400': respond('DashboardInvalid'),
          '409': respond('DashboardExists'),
          ...unavailable,
        },
      }),
    },
    '/dashboards/{id}': {
      parameters: [{ $ref: '#/components/parameters/DashboardId' }],
      get: operation('getDashboard', {
        responses: { '200': storedResponse('The dashboard.'), '404': respond('DashboardNotFound'), ...unavailable },
      }),
      put: operation('saveDashboard', {
        parameters: [{ $ref: '#/components/parameters/IfMatchRevision' }],
        requestBody,
        responses: {
          '200': storedResponse('Saved, at the next revision.'),
          '400': respond('DashboardInvalid'),
          '404': respond('DashboardNotFound'),
          '409': respond('DashboardConflict'),
          '428': respond('DashboardPreconditionRequired'),
          ...unavailable,
        },
      }),
      delete: operation('deleteDashboard', {
        responses: { '204': { description: 'Deleted.' }, '404': respond('DashboardNotFound'), ...unavailable },
      }),
    },
  };
}
