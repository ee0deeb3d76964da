/**
 * The CLI's help texts, written to read as README sections as well (README_USAGE joins them all).
 * Every flag each command accepts is documented in its section and in the overview.
 */

export const COMMANDS = ['rfm', 'fit', 'predict', 'deciles'] as const;
export type CommandName = (typeof COMMANDS)[number];

const SYNOPSIS = `  clv-kit rfm      --input FILE [mapping] --calibration-end YYYY-MM-DD [--time-unit days|weeks]
                   [--format csv|json]
  clv-kit fit      --input FILE [mapping] --calibration-end YYYY-MM-DD [--time-unit days|weeks]
  clv-kit predict  --input FILE [mapping] --calibration-end YYYY-MM-DD [--time-unit days|weeks]
                   --horizon N [--period-length L] [--discount D] [--bgnbd r,alpha,a,b]
                   [--gg p,q,gamma] [--format csv|json]
  clv-kit deciles  --input FILE [mapping] [--category COL] --as-of YYYY-MM-DD
                   [--windows 1,3,6,9,12,all] [--window-mode exact|platform] [--format csv|json]
  clv-kit COMMAND --help

  mapping: [--customer COL] [--date COL] [--amount COL] [--columns a,b,c]`;

const INPUT_FLAGS = `Input and column mapping (every command):
  --input FILE        Purchases, one row per transaction: CSV, TSV or whitespace-separated text
                      (the delimiter is detected), optionally gzip-compressed (.gz); Parquet is
                      read too. Required.
  --customer COL      The column holding the customer id.
  --date COL          The column holding the purchase date. YYYYMMDD and ISO dates (YYYY-MM-DD,
                      with an optional time and UTC offset) are detected; dates are UTC days.
  --amount COL        The column holding the purchase amount (currency).
  --columns a,b,c     Names the columns of a file without a header line, in order (for a file
                      with a header, replaces the header's names).
  Without --customer, --date or --amount the column is chosen by its name (customer_id, date,
  amount, …). A headerless file's columns are column_1, column_2, … unless --columns names them.
  Rows that cannot be read (no customer id, bad date, bad amount) and returns (negative amounts)
  are left out and reported on stderr, the first few with FILE:LINE.`;

const TIME_UNIT_FLAG = `  --time-unit days|weeks
                      The time unit of recency, T, --horizon, --period-length and BG/NBD's alpha.
                      Default: weeks (= days / 7).`;

const FORMAT_FLAG = `  --format csv|json   Output format. Default: csv.`;

const HELP_FLAG = `  -h, --help          Shows this help.`;

const OUTPUT = `Output:
  Results go to stdout; warnings go to stderr; progress of long steps (reading, fitting) goes to
  stderr only when stderr is a terminal, so pipes and redirected logs stay clean.
  csv: a header line, then one line per record; RFC 4180 quoting; LF line ends. Text cells that
  start with = + - @ tab or CR get a leading ' so spreadsheets do not run them as formulas;
  numbers (including negative ones) are written as plain numbers.
  json: an array with one object per record, one object per line.`;

const EXIT = `Exit status:
  0  success
  1  data error: the file cannot be read, has no usable rows, or a model cannot be fitted
  2  usage error: a flag is missing, unknown, repeated or malformed (the message names it)`;

const CALIBRATION = `  --calibration-end YYYY-MM-DD
                      Last day of the calibration window, inclusive. Required. Purchases after it
                      are ignored; customers whose first purchase is after it are left out.`;

const RFM_COLUMNS = `  customer            The customer id, as in the file.
  frequency           Repeat purchase days up to the calibration end (purchases on one calendar
                      day count once; the first purchase day is not a repeat).
  recency             Last purchase day − first purchase day, in the time unit (0 if frequency 0).
  T                   Calibration end − first purchase day, in the time unit.
  monetary            Mean of the repeat purchase-day totals (the first day excluded); 0 if
                      frequency is 0.`;

export const OVERVIEW_HELP = `clv-kit: customer-lifetime-value analytics from a file of purchases.

Usage:
${SYNOPSIS}

Commands:
  rfm       The calibration summary per customer: frequency, recency, T, monetary.
  fit       Fits the BG/NBD purchase model and the Gamma-Gamma spend model; prints the
            parameters and log-likelihoods as JSON.
  predict   Per customer: P(alive), expected purchases and expected spend over a horizon, and
            the discounted customer lifetime value (fits the models unless given).
  deciles   Per customer and lookback window: total spend and its decile (1 = top 10%).

${INPUT_FLAGS}

Model flags (rfm, fit, predict):
${CALIBRATION}
${TIME_UNIT_FLAG}

predict flags:
  --horizon N         Forecast horizon in time units. Required.
  --period-length L   Discounting period in time units; N must be a multiple of L. Default: N.
  --discount D        Discount rate per period. Default: 0.
  --bgnbd r,alpha,a,b Use these BG/NBD parameters instead of fitting.
  --gg p,q,gamma      Use these Gamma-Gamma parameters instead of fitting.

deciles flags:
  --category COL      Rank within each value of this column. Default: one category, "all".
  --as-of YYYY-MM-DD  The date the windows look back from. Required.
  --windows LIST      Lookbacks in months and/or "all". Default: 1,3,6,9,12,all.
  --window-mode exact|platform
                      How windows are cut. Default: exact.

Common flags:
  --format csv|json   Output format of rfm, predict and deciles. Default: csv. (fit prints JSON.)
${HELP_FLAG}

${OUTPUT}

${EXIT}

Example (the CDNOW 1/10 sample, a headerless whitespace-separated file):
  clv-kit fit --input CDNOW_sample.txt --columns master_id,sample_id,date,cds,amount \\
    --customer sample_id --date date --amount amount --calibration-end 1997-09-30

Run "clv-kit COMMAND --help" for the details of a command.
`;

export const RFM_HELP = `clv-kit rfm: the calibration summary (RFM) per customer.

Usage:
  clv-kit rfm --input FILE [mapping] --calibration-end YYYY-MM-DD [--time-unit days|weeks]
              [--format csv|json]

Prints one record per customer whose first purchase is on or before the calibration end, in
order of first appearance in the file:
${RFM_COLUMNS}

Flags:
${CALIBRATION}
${TIME_UNIT_FLAG}
${FORMAT_FLAG}
${HELP_FLAG}

${INPUT_FLAGS}
`;

export const FIT_HELP = `clv-kit fit: fits the BG/NBD and Gamma-Gamma models on the calibration summary.

Usage:
  clv-kit fit --input FILE [mapping] --calibration-end YYYY-MM-DD [--time-unit days|weeks]

Prints one JSON object:
  {"bgnbd": {"r", "alpha", "a", "b", "ll"}, "gammagamma": {"p", "q", "gamma", "ll"}, "customers": n}
  bgnbd       Maximum-likelihood BG/NBD parameters (alpha in the time unit) and the maximised
              log-likelihood over all n customers.
  gammagamma  Maximum-likelihood Gamma-Gamma parameters (gamma in currency) and log-likelihood,
              over the customers with at least one repeat purchase. Repeat customers whose mean
              repeat spend is 0 or less are left out of this fit (their number goes to stderr).
  customers   n, the customers in the calibration summary.
The fits maximise the likelihood with Nelder-Mead from three starting points.

Flags:
${CALIBRATION}
${TIME_UNIT_FLAG}
${HELP_FLAG}

${INPUT_FLAGS}
`;

export const PREDICT_HELP = `clv-kit predict: per-customer forecasts and discounted customer lifetime value.

Usage:
  clv-kit predict --input FILE [mapping] --calibration-end YYYY-MM-DD [--time-unit days|weeks]
                  --horizon N [--period-length L] [--discount D] [--bgnbd r,alpha,a,b]
                  [--gg p,q,gamma] [--format csv|json]

Fits BG/NBD and Gamma-Gamma as "clv-kit fit" does, unless --bgnbd / --gg give the parameters,
then prints one record per customer:
${RFM_COLUMNS}
  p_alive             P(alive | frequency, recency, T) at the calibration end.
  expected_purchases  Expected repeat purchases in the next N time units, given the history.
  expected_spend      Gamma-Gamma expected average spend per purchase, given frequency and
                      monetary; the population mean p·gamma/(q−1) for customers with frequency 0.
  clv                 Sum over k = 1 … N/L of
                        expected_spend · (E[Y(k·L)] − E[Y((k−1)·L)]) / (1 + D)^k,
                      with E[Y(t)] the expected purchases in the next t time units: each
                      period's purchases valued at the expected spend and discounted at the end
                      of the period.

Flags:
${CALIBRATION}
${TIME_UNIT_FLAG}
  --horizon N         Forecast horizon N in time units (> 0). Required.
  --period-length L   Length L of a discounting period in time units (> 0); N must be a whole
                      multiple of L. Default: N (one period).
  --discount D        Discount rate D per period (> −1; e.g. 0.01). Default: 0. A negative value
                      must be written --discount=-0.01.
  --bgnbd r,alpha,a,b BG/NBD parameters (all > 0; alpha in the time unit) instead of fitting.
  --gg p,q,gamma      Gamma-Gamma parameters (all > 0) instead of fitting. q must exceed 1 when a
                      customer has frequency 0.
${FORMAT_FLAG}
${HELP_FLAG}

Example: 39-week forecast, CLV over 3 periods of 13 weeks at 2% per period:
  clv-kit predict --input purchases.csv --calibration-end 1997-09-30 --horizon 39 \\
    --period-length 13 --discount 0.02

${INPUT_FLAGS}
`;

export const DECILES_HELP = `clv-kit deciles: spend deciles per customer over lookback windows.

Usage:
  clv-kit deciles --input FILE [mapping] [--category COL] --as-of YYYY-MM-DD
                  [--windows 1,3,6,9,12,all] [--window-mode exact|platform] [--format csv|json]

For each window and category, every customer with purchases in the window is ranked by total
spend, highest first, ties broken by customer id ascending, and split into 10 buckets as SQL
NTILE(10) does: decile 1 is the top 10%; with n customers the first (n mod 10) deciles hold one
customer more. Amounts are summed in integer cents, so totals are exact.

Prints one record per customer, window and category with purchases:
  customer            The customer id, as in the file.
  window              The lookback: a number of months, or "all".
  category            The category value (or "all" without --category).
  metric              The customer's total spend in the window and category (currency).
  decile              1 … 10.

Flags:
  --as-of YYYY-MM-DD  The date the windows look back from. Required.
  --windows LIST      Comma-separated lookbacks: months (positive integers) and/or "all".
                      Default: 1,3,6,9,12,all.
  --window-mode exact|platform
                      exact (default): K months is [as-of − K months, as-of); as-of itself is
                      excluded and a day past the end of a shorter month is clamped (2024-03-31
                      − 1 month = 2024-02-29); "all" is everything before as-of.
                      platform: mirrors the reference platform's decile query and is not a true
                      window: window N keeps every purchase before (first day of the as-of month)
                      − max(0, N − 2) months, with no lower bound; "all" keeps every purchase.
  --category COL      Ranks within each value of this column; rows with an empty value are in no
                      category. Default: all purchases form one category, "all".
${FORMAT_FLAG}
${HELP_FLAG}

${INPUT_FLAGS}
`;

export const COMMAND_HELP: Record<CommandName, string> = {
  rfm: RFM_HELP,
  fit: FIT_HELP,
  predict: PREDICT_HELP,
  deciles: DECILES_HELP,
};

/** Everything, for the README: the overview, then each command's section. */
export const README_USAGE = [OVERVIEW_HELP, ...COMMANDS.map((c) => COMMAND_HELP[c])].join('\n');
