// Turns report bytes into text: UTF-8 (with or without BOM) or UTF-16 with BOM, as written by
// Windows tools; a file with NUL bytes is binary, not a report.

const SNIFF_BYTES = 8000;

export type DecodedReport = { ok: true; text: string } | { ok: false; message: string };

export function decodeReport(bytes: Uint8Array): DecodedReport {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return { ok: false, message: "binary file, not a coverage report" };
  }
  // The decoder drops a UTF-8 BOM; invalid bytes become U+FFFD rather than failing the report.
  return { ok: true, text: new TextDecoder("utf-8").decode(bytes) };
}
