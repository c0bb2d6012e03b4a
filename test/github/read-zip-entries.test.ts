// Reading files out of an artifact zip, bounded however the archive lies about its sizes.
import { readZipEntries, type ZipReadOptions } from "../../shared/github/read-zip-entries.js";
import { makeZip } from "./make-zip.js";

const all: ZipReadOptions = { select: () => true, maxBytes: 1024 * 1024 };
const read = async (zip: Uint8Array, options: Partial<ZipReadOptions> = {}) =>
  (await readZipEntries(zip, { ...all, ...options })).map((e) => [
    e.name,
    Buffer.from(e.bytes).toString(),
  ]);

/** Rewrites every central-directory entry's uncompressed size (a lying archive). */
function claimSize(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip);
  const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = copy.indexOf(central); at >= 0; at = copy.indexOf(central, at + 4)) {
    copy.writeUInt32LE(size, at + 24);
  }
  return copy;
}

describe("readZipEntries", () => {
  it.each([8, 0] as const)(
    "reads every file in archive order (compression method %i)",
    async (method) => {
      const zip = makeZip(
        { "a.txt": "first", "dir/": "", "dir/evaluation.json": '{"ok":true}' },
        method,
      );
      expect(await read(zip)).toEqual([
        ["a.txt", "first"],
        ["dir/evaluation.json", '{"ok":true}'],
      ]);
    },
  );

  it("reads only the files selected", async () => {
    const zip = makeZip({ "a.txt": "first", "b.txt": "second" });
    expect(await read(zip, { select: (name) => name === "b.txt" })).toEqual([["b.txt", "second"]]);
    expect(await read(zip, { select: () => false })).toEqual([]);
  });

  it.each([
    ["not a zip at all", Buffer.from("hello, not a zip at all"), "not a zip archive"],
    ["cut short", makeZip({ "a.txt": "x".repeat(500) }).subarray(0, 60), "not a zip archive"],
  ])("refuses what is %s", async (_name, bytes, message) => {
    await expect(readZipEntries(bytes, all)).rejects.toThrow(message);
  });

  it.each([
    ["one file past the limit", { "big.json": "x".repeat(100_000) }, 1000],
    [
      "files past the limit together",
      { "a.json": "x".repeat(600), "b.json": "y".repeat(600) },
      1000,
    ],
  ])("refuses %s", async (_name, files, maxBytes) => {
    await expect(readZipEntries(makeZip(files), { ...all, maxBytes })).rejects.toThrow(
      `would exceed the limit of ${maxBytes} bytes`,
    );
  });

  it.each([8, 0] as const)(
    "refuses a file whose header claims less than it unpacks to (method %i)",
    async (method) => {
      const bomb = claimSize(makeZip({ "small.json": "x".repeat(1_000_000) }, method), 10);
      await expect(readZipEntries(bomb, { ...all, maxBytes: 1000 })).rejects.toThrow(
        /corrupt zip archive|would exceed the limit of 1000 bytes/,
      );
    },
  );

  it("stops inflating at the limit when the archive declares the real size (a zip bomb)", async () => {
    const bomb = makeZip({ "lcov.info": "DA:1,1\n".repeat(2_000_000) });
    expect(bomb.length).toBeLessThan(100_000);
    await expect(readZipEntries(bomb, { ...all, maxBytes: 1000 })).rejects.toThrow(
      "unpacking lcov.info would exceed the limit of 1000 bytes",
    );
  });

  it("stops inflating at the limit when the header understates the size", async () => {
    const bomb = claimSize(makeZip({ "lcov.info": "DA:1,1\n".repeat(2_000_000) }), 10);
    const started = performance.now();
    await expect(readZipEntries(bomb, { ...all, maxBytes: 1000 })).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
