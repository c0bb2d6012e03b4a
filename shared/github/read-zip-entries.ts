// Reads files out of a zip archive (an Actions artifact) through its central directory, which is
// right even when local headers defer sizes to data descriptors. Bounded against zip bombs: the
// files read may unpack to `maxBytes` in total, whatever sizes the archive claims.
import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ZipReadOptions {
  /** Which files to read, by their path in the archive; directories are never read. */
  select: (name: string) => boolean;
  /** The most the selected files may unpack to, together. */
  maxBytes: number;
}

/** The selected files in archive order. Throws on an archive it cannot read or the limit. */
export function readZipEntries(zip: Uint8Array, options: ZipReadOptions): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new Error("not a zip archive (no end of central directory)");
  const corrupt = (what: string) => new Error(`corrupt zip archive (${what})`);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) {
      throw corrupt("bad central directory");
    }
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith("/") || !options.select(name)) continue;

    const room = options.maxBytes - total;
    const tooLarge = () =>
      new Error(`unpacking ${name} would exceed the limit of ${options.maxBytes} bytes`);
    if (size > room) throw tooLarge();
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) {
      throw corrupt("bad local header");
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > zip.length) throw corrupt(`${name} runs past the end`);
    const data = zip.subarray(start, start + compressed);
    let bytes: Uint8Array;
    if (method === 0) bytes = data;
    else if (method === 8) bytes = inflate(data, room, tooLarge);
    else throw new Error(`${name} uses zip compression method ${method}, which is not supported`);
    // A stored entry's real size is its data: a lying header must not slip past the limit.
    if (bytes.length > room) throw tooLarge();
    total += bytes.length;
    entries.push({ name, bytes });
  }
  return entries;
}

/** The declared size may lie: zlib itself stops at `room` bytes. */
function inflate(data: Uint8Array, room: number, tooLarge: () => Error): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, room) }));
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
    throw new Error(`corrupt zip archive (${(error as Error).message})`);
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}
