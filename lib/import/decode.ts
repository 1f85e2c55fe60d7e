/**
 * The text of an uploaded CSV file, whatever its encoding: a BOM decides (UTF-8, or UTF-16 as Excel's
 * "Unicode Text" writes it); without one, UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 * Salesforce report exports default to the user's locale encoding (ISO-8859-1 in Western Europe and the
 * US) and Excel's plain "CSV (Comma delimited)" writes the Windows code page: read as UTF-8, every
 * accented name would come out as U+FFFD.
 *
 * Check `bytes.length` against CSV_LIMITS.maxBytes before reading a file this far.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
