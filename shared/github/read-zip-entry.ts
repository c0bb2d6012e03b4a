// Reads one file out of a zip archive (an Actions artifact) through its central directory, which
// is right even when local headers defer sizes to data descriptors. Bounded against zip bombs.
import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readZipEntry(
  zip: Uint8Array,
  name: string,
  maxBytes = 10 * 1024 * 1024,
): Uint8Array | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new Error("not a zip archive (no end of central directory)");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) {
      throw new Error("corrupt zip archive (bad central directory)");
    }
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const entryName = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (entryName !== name) continue;
    if (size > maxBytes) throw new Error(`${name} is ${size} bytes; the limit is ${maxBytes}`);
    if (view.getUint32(local, true) !== LOCAL)
      throw new Error("corrupt zip archive (bad local header)");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = zip.subarray(start, start + compressed);
    if (method === 0) return data;
    if (method === 8) return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
    throw new Error(`${name} uses zip compression method ${method}, which is not supported`);
  }
  return null;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}
