/**
 * CSV as RFC 4180 writes it, for spreadsheets people open with a double click: CRLF line ends,
 * fields quoted when they hold a comma, a quote, CR or LF (quotes doubled inside), and a byte
 * order mark so Excel reads the file as UTF-8 rather than the machine's code page.
 */

export const BOM = '\uFEFF';

/**
 * Cells a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, and tab or CR, which some
 * applications strip before looking) get a leading apostrophe: a name such as
 * `=HYPERLINK("http://evil.example","Click")` then shows as text instead of running (OWASP's
 * "CSV injection" advice).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: the BOM, then each row (the header first) ended by CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
