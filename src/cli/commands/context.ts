/** What every command receives: its parsed flags and the output channels. */
import { choiceOption, dateOption, HELP_OPTION, INPUT_OPTIONS, type OptionSpec, type ParsedValues } from '../args.js';
import type { OutputWriter, Reporter } from '../io.js';
import { TIME_UNITS } from '../model.js';
import type { TimeUnit } from '../../clv/index.js';

export interface CommandContext {
  values: ParsedValues;
  out: OutputWriter;
  reporter: Reporter;
}

export interface Command {
  options: OptionSpec;
  run(ctx: CommandContext): Promise<void>;
}

/** Flags of the commands that build a calibration summary (rfm, fit, predict). */
export const CALIBRATION_OPTIONS: OptionSpec = {
  ...INPUT_OPTIONS,
  ...HELP_OPTION,
  'calibration-end': { type: 'string' },
  'time-unit': { type: 'string' },
};

export function calibrationOptions(values: ParsedValues, command: string): { calibrationEnd: string; timeUnit: TimeUnit } {
  return {
    calibrationEnd: dateOption(values, 'calibration-end', command),
    timeUnit: choiceOption(values, 'time-unit', command, TIME_UNITS, 'weeks'),
  };
}
