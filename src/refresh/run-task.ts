import { AdapterError } from '../contracts/errors.js';
import { checkDerivationResult, findDerivation, isDerivationWrites } from './derivations.js';
import type { ExecuteContext, TaskOutcome, TaskSteps } from './executor.js';
import type { RefreshJob } from './job-schema.js';
import type { CheckpointLog } from './store.js';

/**
 * One run inside an open transaction, the same for every engine: read the last SUCCESSFUL
 * position of the job's process, do the task, append the new SUCCESSFUL checkpoint. The caller
 * commits, or rolls everything back when this throws.
 */
export async function runTask(steps: TaskSteps, log: CheckpointLog, job: RefreshJob, context: ExecuteContext): Promise<TaskOutcome> {
  const process = job.id;
  const from = (await log.lastCheckpoint(process, 'SUCCESSFUL'))?.lastPosition ?? null;
  const task = job.task;
  let outcome: TaskOutcome;
  switch (task.kind) {
    case 'incremental-append': {
      const r = await steps.incrementalAppend(task, job.output, from);
      outcome = { rowsProcessed: r.rowsProcessed, rowsWritten: r.rowsWritten, position: r.maxPosition ?? from, tables: [] };
      break;
    }
    case 'sql': {
      const r = await steps.appendQuery(task, job.output);
      outcome = { ...r, position: from, tables: [] };
      break;
    }
    case 'derivation': {
      const runner = findDerivation(context.derivations, task.ref);
      if (!runner) throw new AdapterError('not_found', `No derivation "${task.ref}" is registered with the scheduler.`, 'task.ref');
      const result = checkDerivationResult(
        task.ref,
        await runner({
          job,
          adapter: steps.adapter,
          lastPosition: from,
          runId: context.runId,
          now: context.now(),
          writeTable: (table, columns, rows, mode) =>
            mode === 'replace' ? steps.replaceRows(table, columns, rows) : steps.writeRows({ table, mode: 'create-append' }, columns, rows),
        }),
      );
      const position = result.position ?? from;
      if (isDerivationWrites(result)) {
        // Tables the runner replaced are stale even when they came out empty.
        outcome = { rowsProcessed: result.rowsProcessed ?? 0, rowsWritten: result.rowsWritten, position, tables: [...new Set(result.tablesWritten)] };
        break;
      }
      const written = await steps.writeRows(job.output, result.columns, result.rows);
      outcome = { rowsProcessed: result.rowsProcessed ?? result.rows.length, rowsWritten: written, position, tables: [] };
      break;
    }
  }
  if (outcome.tables.length === 0 && outcome.rowsWritten > 0) outcome.tables.push(job.output.table);
  await log.appendCheckpoint({ process, status: 'SUCCESSFUL', lastPosition: outcome.position, at: context.now(), runId: context.runId });
  return outcome;
}
