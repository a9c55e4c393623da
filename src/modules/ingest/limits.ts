/**
 * Bounds on what one uploaded file may make the server do. A file past one of them is refused
 * with a 400 that names the limit (and the row), instead of tying up memory, CPU and a database
 * connection for minutes; each is far above what a real department file needs.
 */

/** Columns in a row. The widest catalog category has a few dozen fields; Excel allows 16,384. */
export const MAX_COLUMNS = 1000;

/** Characters in one field: what one Excel cell holds (the longest catalog field allows 5,000). */
export const MAX_FIELD_CHARS = 32_767;

/** Characters in one record (a CSV row, a JSON line): an unclosed quote is caught here at the latest. */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Rows with errors before the import gives up: an errors.csv of this many rows is more than a
 * clerk fixes by hand; past it the file is the wrong one (wrong category, shifted columns) and
 * reading on would only fill submission_error.
 */
export const MAX_ERROR_ROWS = 10_000;

/** Size of an uploaded .xlsx as sent (bigger deliveries go as CSV, which is streamed). */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;

/**
 * What an .xlsx may inflate to, all its parts together: some 400,000 rows of 20 columns. Checked
 * from the zip's directory before anything is inflated, then held to while inflating.
 */
export const MAX_XLSX_INFLATED_BYTES = 256 * 1024 * 1024;

/** Parts of an .xlsx: a workbook has a few dozen. */
export const MAX_XLSX_ENTRIES = 2000;
