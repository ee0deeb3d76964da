export { importFile, inspectFile, type ImportOptions, type ImportResult, type ImportProgress, type FileInspection, type LayoutOptions } from './import-file.js';
export { loadImport, customersFromTransactions, orderDateSpan, type LoadImportOptions, type LoadImportResult, type ImportedTransactions } from './load.js';
export { ImportMappingSchema, suggestMapping, type ImportMapping, type ImportMappingInput, type MappingSuggestion } from './mapping.js';
export {
  sniffFormat,
  detectDelimiter,
  detectHeader,
  detectColumnType,
  detectCellsType,
  DelimiterSchema,
  type Delimiter,
  type FileFormat,
  type ColumnDetection,
} from './detect.js';
export { DateFormatSchema, detectDateFormat, parseDate, type DateFormat, type DateDetection } from './date-formats.js';
export { REJECT_REASONS, rejectedToCsv, type RejectReason, type RejectedRow } from './rejects.js';
export { TransactionBuilder, type BuildResult, type CancellationStats, type Cell } from './build.js';
export { RecordSplitter, splitRecords, parseTextTransactions } from './parse.js';
export { parseNumber } from './values.js';
export type { ImportSource } from './source.js';
