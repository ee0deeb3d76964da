import { CUSTOMER_CLV_TABLE } from '../clv/customer-clv-table.js';
import type { DataModel } from '../contracts/data-model.js';
import { AdapterError } from '../contracts/errors.js';
import type { DecileDefinitionInput } from '../derive/definition.js';
import { type CustomerClvDerivationOptions, customerClvDerivation } from './customer-clv-derivation.js';
import { decileDerivation } from './decile-derivation.js';
import type { DerivationRunner } from './derivations.js';

/** The derivation ref of the customer_clv runner in clvDerivations(): the table it writes. */
export const CUSTOMER_CLV_DERIVATION = CUSTOMER_CLV_TABLE;

export interface ClvDerivationsOptions {
  /** Decile definitions; each runner is registered under its definition's name (its map table). */
  deciles?: DecileDefinitionInput | readonly DecileDefinitionInput[];
  /** The customer_clv runner, registered as "customer_clv". */
  customerClv?: CustomerClvDerivationOptions;
  /** The model definitions are checked against (default: the run adapter's describe()). */
  model?: DataModel;
}

/**
 * The CLV derivation runners by name, for RefreshSchedulerOptions.derivations: a job then runs
 * one with `task: { kind: 'derivation', ref: 'tier_deciles' }` (or 'customer_clv').
 */
export function clvDerivations(options: ClvDerivationsOptions): Record<string, DerivationRunner> {
  const registry: Record<string, DerivationRunner> = {};
  const add = (name: string, runner: DerivationRunner) => {
    if (Object.prototype.hasOwnProperty.call(registry, name)) throw new AdapterError('invalid_request', `Two derivations are named "${name}".`, 'deciles');
    registry[name] = runner;
  };
  const deciles = options.deciles === undefined ? [] : Array.isArray(options.deciles) ? options.deciles : [options.deciles as DecileDefinitionInput];
  for (const d of deciles) add(d.name, decileDerivation(d, { model: options.model }));
  if (options.customerClv) add(CUSTOMER_CLV_DERIVATION, customerClvDerivation({ model: options.model, ...options.customerClv }));
  return registry;
}
