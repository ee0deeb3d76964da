import type { DataModel } from '../contracts/data-model.js';
import { runDecileDerivation } from '../derive/run.js';
import type { DecileDefinitionInput } from '../derive/definition.js';
import { quoteIdentifier as q } from '../query/sql.js';
import type { DerivationRunner } from './derivations.js';

export interface DecileDerivationOptions {
  /** The model the definition is checked against; default: the run adapter's describe(). */
  model?: DataModel;
}

/**
 * The decile derivation as a refresh runner: the statements of decileSql(planDeciles(...)) run
 * through the run's adapter without a transaction of their own, so both tables are replaced
 * together with the run's checkpoint, or not at all. Needs an adapter with SQL (DuckDB).
 */
export function decileDerivation(definition: DecileDefinitionInput, options: DecileDerivationOptions = {}): DerivationRunner {
  return async ({ adapter }) => {
    const run = await runDecileDerivation(adapter, definition, { model: options.model, transaction: false });
    // runDecileDerivation has checked that the adapter runs SQL.
    const counted = await adapter.sql!(`SELECT COUNT(*) AS "n" FROM ${q(run.plan.source)}`);
    return {
      tablesWritten: [run.plan.tables.flat, run.plan.tables.map],
      rowsWritten: run.rows.flat + run.rows.map,
      rowsProcessed: Number(counted.rows[0]?.n ?? 0),
    };
  };
}
