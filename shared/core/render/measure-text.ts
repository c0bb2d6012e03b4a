// Measures text the way GitHub's limits count it and cuts it without splitting a character.
// "utf16" is String#length: never less than the code point count, so a UTF-16 budget is also a
// safe character budget. "utf8" counts bytes as they go over the wire.

export type SizeUnit = "utf16" | "utf8";

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Width of the character starting at `index`, in code units (1 or 2) and in UTF-8 bytes. */
function charAt(text: string, index: number): { units: number; bytes: number } {
  const code = text.charCodeAt(index);
  if (code < 0x80) return { units: 1, bytes: 1 };
  if (code < 0x800) return { units: 1, bytes: 2 };
  if (isHigh(code) && isLow(text.charCodeAt(index + 1))) return { units: 2, bytes: 4 };
  return { units: 1, bytes: 3 }; // a lone surrogate goes out as U+FFFD: 3 bytes
}

export function measureText(text: string, unit: SizeUnit): number {
  if (unit === "utf16") return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length;) {
    const char = charAt(text, i);
    bytes += char.bytes;
    i += char.units;
  }
  return bytes;
}

/** The longest prefix of `text` that measures at most `max`, never ending inside a surrogate pair. */
export function cutToFit(text: string, max: number, unit: SizeUnit): string {
  if (max <= 0) return "";
  if (measureText(text, unit) <= max) return text;
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const char = charAt(text, end);
    const width = unit === "utf16" ? char.units : char.bytes;
    if (used + width > max) break;
    used += width;
    end += char.units;
  }
  return text.slice(0, end);
}

/** Replaces lone surrogates (which no encoder can send) with U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "\ufffd",
  );
}
