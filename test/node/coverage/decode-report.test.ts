import { decodeReport } from "../../../shared/node/coverage/decode-report.js";

const text = "SF:src/é.ts\nDA:1,1\nend_of_record\n";

describe("decodeReport", () => {
  it.each([
    ["UTF-8", Buffer.from(text, "utf8")],
    [
      "UTF-8 with a BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]),
    ],
    [
      "UTF-16 LE with a BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    ],
    [
      "UTF-16 BE with a BOM",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]),
    ],
  ])("decodes %s", (_name, bytes) => {
    expect(decodeReport(bytes)).toEqual({ ok: true, text });
  });

  it("refuses binary content", () => {
    expect(decodeReport(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]))).toEqual({
      ok: false,
      message: "binary file, not a coverage report",
    });
  });
});
