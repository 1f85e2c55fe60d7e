/**
 * An RFC 4180 reader (https://www.rfc-editor.org/rfc/rfc4180) for CRM exports, with what real files
 * add to it: a UTF-8 BOM, CRLF, LF or lone CR line ends, `;` or tab instead of `,` (Excel in locales
 * where `,` is the decimal mark), Excel's `sep=;` first line, and stray quotes typed by hand.
 *
 * Row numbers are the spreadsheet's: blank lines count, and a quoted field that spans lines is still one
 * row. Blank rows are counted but not kept, so a file of a million empty lines costs no memory.
 */

export interface CsvParseOptions {
  /** Field separator. Default: sniffed from the first line (`,`, `;`, tab or `|`; `,` on a tie). */
  delimiter?: string;
  /**
   * Stop after this many rows that are not blank (the header and broken rows count) and set `truncated`,
   * so a huge file is not held in memory only to be refused.
   */
  maxRows?: number;
}

export interface CsvRow {
  /** 1-based, as a spreadsheet numbers it. */
  row: number;
  cells: string[];
}

export interface CsvParseResult {
  delimiter: string;
  /** The rows that are not blank, in order. */
  rows: CsvRow[];
  /** Rows whose quoting was broken: they are not in `rows`; the rows after them are. */
  errors: { row: number; message: string }[];
  /** True when `maxRows` was reached before the end of the text. */
  truncated: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Parses CSV text into rows of fields. Never throws on bad input: broken rows are reported and skipped. */
export function parseCsv(input: string, options: CsvParseOptions = {}): CsvParseResult {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let delimiter = options.delimiter;
  // Excel writes (and honours) a `sep=;` line above the header; it is not a row of the sheet.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter ??= sep[1];
    text = text.slice(sep[0].length);
  }
  delimiter ??= sniffDelimiter(text);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const delim = delimiter.charCodeAt(0);
  const maxRows = options.maxRows ?? Infinity;

  const rows: CsvRow[] = [];
  const errors: CsvParseResult['errors'] = [];
  const n = text.length;
  let rowNumber = 0;
  let counted = 0;
  let truncated = false;
  // Once a search for a closing quote has run off the end, no later one can succeed: remember it, so a
  // file full of stray opening quotes costs one scan, not one per row.
  let noQuoteFrom = Infinity;

  let i = 0;
  rowLoop: while (i < n) {
    rowNumber++;
    const row: string[] = [];
    const rowStart = i;
    for (;;) {
      // One field, starting at i.
      if (text.charCodeAt(i) === QUOTE) {
        const parsed = readQuoted(text, i + 1, delim, noQuoteFrom);
        if (typeof parsed === 'number') {
          if (parsed === -1) noQuoteFrom = Math.min(noQuoteFrom, i + 1);
          const what = parsed === -1 ? 'never closes' : 'closes and is followed by more text before the next separator';
          if (counted++ === maxRows) {
            truncated = true;
            break rowLoop;
          }
          errors.push({
            row: rowNumber,
            message: `The quoted field in column ${row.length + 1} ${what}; this row was skipped. Look for a stray " in it.`,
          });
          i = nextLineStart(text, i);
          continue rowLoop;
        }
        row.push(parsed.value);
        i = parsed.end;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delim || c === LF || c === CR) break;
          j++;
        }
        // A quote inside an unquoted field (`5" screen`) is kept as text, as spreadsheets do.
        row.push(text.slice(i, j));
        i = j;
      }
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i < n) continue;
        row.push(''); // `a,b,` at the very end of the text: the last field is empty.
        break;
      }
      // End of the row: a line break or the end of the text.
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else if (c === LF) i++;
      break;
    }
    if (!isBlankRow(row)) {
      if (counted++ === maxRows) {
        truncated = true;
        break;
      }
      rows.push({ row: rowNumber, cells: row });
    }
    if (i === rowStart) break; // defensive: no progress
  }
  return { delimiter, rows, errors, truncated };
}

/** True for a row with nothing but whitespace in it (blank lines, `,,,`). */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((field) => field.trim() === '');
}

/**
 * Reads a quoted field whose content starts at `start`. Returns the value and where the field ends, or
 * -1 when the quote never closes, or -2 when text follows the closing quote before the next separator
 * (which in real files means a stray quote opened the field and closed on another row's quote).
 */
function readQuoted(text: string, start: number, delim: number, noQuoteFrom: number): { value: string; end: number } | -1 | -2 {
  let value = '';
  let from = start;
  for (;;) {
    const q = from >= noQuoteFrom ? -1 : text.indexOf('"', from);
    if (q === -1) return -1;
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += text.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    value += text.slice(from, q);
    const after = q + 1;
    const c = text.charCodeAt(after);
    if (after < text.length && c !== delim && c !== LF && c !== CR) return -2;
    return { value, end: after };
  }
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/** The candidate that occurs most often outside quotes on the first line; `,` when none does. */
function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, count] of counts) if (count > counts.get(best)!) best = d;
  return best;
}
