// Undoes git's C-style path quoting (core.quotePath): `"a/t\303\251st.txt"` -> `a/tést.txt`.
// Git quotes a path when it holds `"`, `\`, control characters or (by default) non-ASCII bytes.

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  '"': '"',
  "\\": "\\",
};

const utf8 = new TextDecoder("utf-8");

export interface QuotedToken {
  value: string;
  /** Index just past the closing quote. */
  end: number;
}

/** Reads the quoted string that starts at `text[start]` (a `"`); null when it is not closed. */
export function readQuoted(text: string, start: number): QuotedToken | null {
  let value = "";
  // Octal escapes are raw bytes of one UTF-8 sequence: collect a run, then decode it at once.
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) {
      value += utf8.decode(new Uint8Array(bytes));
      bytes = [];
    }
  };
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      flush();
      return { value, end: i + 1 };
    }
    if (ch !== "\\") {
      flush();
      value += ch;
      i += 1;
      continue;
    }
    const next = text[i + 1] ?? "";
    const octal = /^[0-3][0-7]{2}$/.test(text.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 4;
      continue;
    }
    flush();
    value += SIMPLE_ESCAPES[next] ?? next;
    i += 2;
  }
  return null;
}

/** Returns the path unquoted when git quoted it, otherwise unchanged. */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"')) return text;
  const token = readQuoted(text, 0);
  return token !== null && token.end === text.length ? token.value : text;
}
