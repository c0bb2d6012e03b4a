// Reading one file out of an artifact zip.
import { readZipEntry } from "../../shared/github/read-zip-entry.js";
import { makeZip } from "./make-zip.js";

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString());

describe("readZipEntry", () => {
  it.each([8, 0] as const)("reads a file (compression method %i)", (method) => {
    const zip = makeZip({ "a.txt": "first", "evaluation.json": '{"ok":true}' }, method);
    expect(text(readZipEntry(zip, "evaluation.json"))).toBe('{"ok":true}');
    expect(text(readZipEntry(zip, "a.txt"))).toBe("first");
  });

  it("is null for a file the archive does not have", () => {
    expect(readZipEntry(makeZip({ "a.txt": "x" }), "b.txt")).toBeNull();
  });

  it("refuses what is not a zip", () => {
    expect(() => readZipEntry(Buffer.from("hello, not a zip at all"), "a")).toThrow(
      "not a zip archive",
    );
  });

  it("refuses a file that would inflate past the limit", () => {
    const zip = makeZip({ "big.json": "x".repeat(100_000) });
    expect(() => readZipEntry(zip, "big.json", 1000)).toThrow("the limit is 1000");
  });
});
