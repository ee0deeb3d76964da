import { newDashboard, parseDashboardSpec, renameDashboard } from '../../src/dashboards/parse.js';
import type { DashboardSpec, DashboardSpecInput } from '../../src/dashboards/spec.js';
import { DashboardStoreError, type DashboardStore, type StoredDashboard } from '../../src/dashboards/store.js';
import { isStoreError } from './store-errors.js';

/** Store calls of the inventory and the editor that take more than one step. */

const ATTEMPTS = 5;

/**
 * Creates `build(id)` under a fresh id: the first try is `preferred` unless it is known to be taken,
 * and an 'exists' from the store (an id taken meanwhile, elsewhere) tries another.
 */
async function createUnique(
  store: DashboardStore,
  preferred: string | undefined,
  taken: readonly string[],
  build: (id: string | undefined) => DashboardSpec,
): Promise<StoredDashboard> {
  let id = preferred && !taken.includes(preferred) ? preferred : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.create(build(id));
    } catch (error) {
      if (!isStoreError(error, 'exists') || attempt >= ATTEMPTS) throw error;
      id = undefined; // newDashboard's random suffix
    }
  }
}

/** A new, empty dashboard with this name. */
export function createDashboard(store: DashboardStore, name: string, taken: readonly string[]): Promise<StoredDashboard> {
  return createUnique(store, undefined, taken, (id) => newDashboard(name, id));
}

/** The name an example offers, read defensively (examples are validated when used). */
export function exampleName(example: DashboardSpecInput): string {
  return typeof example.name === 'string' && example.name.trim() ? example.name.trim() : 'Example';
}

/** A dashboard from an example spec, under `name`, keeping the example's id when it is free. */
export function createFromExample(store: DashboardStore, example: DashboardSpecInput, name: string, taken: readonly string[]): Promise<StoredDashboard> {
  const parsed = parseDashboardSpec({ ...example, name });
  if (!parsed.success) throw new DashboardStoreError('invalid', `The example is not a valid dashboard: ${parsed.message}`, undefined, parsed.field);
  const spec = parsed.spec;
  return createUnique(store, spec.id, taken, (id) => ({ ...structuredClone(spec), id: id ?? newDashboard(name).id }));
}

/** A copy of `spec` under a new id and name (the "Save as a copy" of a conflict). */
export function createCopy(store: DashboardStore, spec: DashboardSpec, name: string): Promise<StoredDashboard> {
  return createUnique(store, undefined, [], () => ({ ...structuredClone(spec), id: newDashboard(name).id, name }));
}

/** Renames a stored dashboard: the current version, renamed, saved against its own revision. */
export async function renameStored(store: DashboardStore, id: string, name: string): Promise<StoredDashboard> {
  const current = await store.get(id);
  return store.save(renameDashboard(current.spec, name), current.revision);
}
