// Splits text into lines whatever the line endings (LF, CRLF, or a lone CR).

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
