// Reads files out of a zip archive (an Actions artifact) with yauzl, through the central
// directory, which is right even when local headers defer sizes to data descriptors. Bounded
// against zip bombs: the files read may unpack to `maxBytes` in total, whatever sizes the archive
// claims; inflating stops at the limit.
import yauzl, { type Entry, type ZipFile } from "yauzl";

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

/** The selected files in archive order. Rejects an archive it cannot read, or the limit. */
export async function readZipEntries(
  zip: Uint8Array,
  options: ZipReadOptions,
): Promise<ZipEntry[]> {
  const buffer = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let archive: ZipFile;
  try {
    // yauzl compares what each entry inflates to with the size the central directory declares.
    archive = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw new Error(`not a zip archive (${(error as Error).message})`);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  try {
    for (let entry = await nextEntry(archive); entry; entry = await nextEntry(archive)) {
      const name = entry.fileName;
      if (name.endsWith("/") || !options.select(name)) continue;
      const room = options.maxBytes - total;
      const tooLarge = new Error(
        `unpacking ${name} would exceed the limit of ${options.maxBytes} bytes`,
      );
      if (entry.uncompressedSize > room) throw tooLarge;
      const bytes = await readEntry(archive, entry, room, tooLarge);
      total += bytes.length;
      entries.push({ name, bytes });
    }
  } finally {
    archive.close();
  }
  return entries;
}

function nextEntry(archive: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      archive.off("entry", onEntry);
      archive.off("end", onEnd);
      archive.off("error", onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (cleanup(), reject(corrupt(error)));
    archive.on("entry", onEntry);
    archive.on("end", onEnd);
    archive.on("error", onError);
    archive.readEntry();
  });
}

/** Inflates one entry, stopping the moment it passes `room` bytes. */
async function readEntry(
  archive: ZipFile,
  entry: Entry,
  room: number,
  tooLarge: Error,
): Promise<Uint8Array> {
  const stream = await archive.openReadStreamPromise(entry).catch((error: Error) => {
    throw corrupt(error);
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > room) {
        stream.destroy();
        return reject(tooLarge);
      }
      chunks.push(chunk);
    });
    stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks, size))));
    stream.on("error", (error: Error) => reject(size > room ? tooLarge : corrupt(error)));
  });
}

function corrupt(error: Error): Error {
  return new Error(`corrupt zip archive (${error.message})`);
}
