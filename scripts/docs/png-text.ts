// A PNG's tEXt chunks: the README's picture carries the hash of the markdown it was made from,
// so a test can tell a stale picture without a browser. PNG: an 8-byte signature, then chunks of
// length (4 bytes), type (4), data, CRC-32 of type and data (4); tEXt data is `key\0text`.
import { crc32 } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function readChunks(png: Buffer): Chunk[] {
  if (png.length < SIGNATURE.length || !png.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error("not a PNG file (no PNG signature)");
  }
  const chunks: Chunk[] = [];
  for (let at = SIGNATURE.length; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

function encodeChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The PNG with a tEXt chunk `key` = `text` right after its header (IHDR). */
export function addPngText(png: Buffer, key: string, text: string): Buffer {
  const [header, ...rest] = readChunks(png);
  if (header?.type !== "IHDR") throw new Error("PNG without an IHDR chunk first");
  const entry = encodeChunk("tEXt", Buffer.from(`${key}\0${text}`, "latin1"));
  return Buffer.concat([
    SIGNATURE,
    encodeChunk(header.type, header.data),
    entry,
    ...rest.map((chunk) => encodeChunk(chunk.type, chunk.data)),
  ]);
}

/** The text of the tEXt chunk `key`, or undefined. */
export function readPngText(png: Buffer, key: string): string | undefined {
  for (const chunk of readChunks(png)) {
    if (chunk.type !== "tEXt") continue;
    const nul = chunk.data.indexOf(0);
    if (nul >= 0 && chunk.data.toString("latin1", 0, nul) === key) {
      return chunk.data.toString("latin1", nul + 1);
    }
  }
  return undefined;
}
