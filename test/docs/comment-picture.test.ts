// The README's picture of the comment is what shipgate really posts: the markdown beside it
// (docs/images/comment.md) is what the bundled CLI renders for the example pull request today,
// and the PNG carries the hash of that markdown. When a renderer change makes them stale, this
// fails: run `npm run docs:comment`. With Chromium, the picture is also taken again here.
import { existsSync, readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { renderExampleComment } from "../../scripts/docs/example-comment.js";
import { addPngText, readPngText } from "../../scripts/docs/png-text.js";
import {
  commentPage,
  PICTURE,
  PICTURE_SOURCE,
  screenshotComment,
  sha256,
  SOURCE_KEY,
} from "../../scripts/docs/render-comment-picture.js";
import { describeIfFound, findOnPath } from "../helpers/needs-program.js";

const STALE = "stale: run `npm run docs:comment` and commit docs/images/";
const CHROMIUM = process.env.SHIPGATE_CHROMIUM ?? findOnPath("chromium");
const describeChromium = describeIfFound({
  program: "chromium",
  found: CHROMIUM !== undefined && existsSync(CHROMIUM) ? CHROMIUM : undefined,
  suite: "taking the README's picture of the comment (test/docs/comment-picture.test.ts)",
  install: "apt-get install chromium (or SHIPGATE_CHROMIUM=/path/to/chromium)",
});

const source = readFileSync(PICTURE_SOURCE, "utf8");
const picture = readFileSync(PICTURE);

describe("the README's picture of the comment", () => {
  it("shows the comment the renderer writes today", () => {
    const today = renderExampleComment();
    expect(today.startsWith("<!-- shipgate:v1 -->\n")).toBe(true);
    expect(today === source ? "current" : STALE).toBe("current");
  });

  it("was taken from that markdown", () => {
    expect(readPngText(picture, SOURCE_KEY) === sha256(source) ? "current" : STALE).toBe("current");
  });

  it("is on the README's front page", () => {
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toContain(
      "docs/images/comment.png",
    );
  });
});

describe("PNG text chunks", () => {
  it("reads back what was added, after the header, with a valid CRC", () => {
    const tagged = addPngText(picture, "k", "v1");
    expect(readPngText(tagged, "k")).toBe("v1");
    expect(readPngText(tagged, SOURCE_KEY)).toBe(readPngText(picture, SOURCE_KEY));
    expect(readPngText(tagged, "other")).toBeUndefined();
    // The chunk after IHDR (8 + 25 bytes in): length 4, "tEXt", "k\0v1", CRC of type and data.
    const chunk = tagged.subarray(33, 33 + 4 + 4 + 4 + 4);
    expect(chunk.toString("latin1", 4, 12)).toBe("tEXtk\0v1");
    expect(chunk.readUInt32BE(12)).toBe(crc32(chunk.subarray(4, 12)));
  });

  it("refuses a file that is not a PNG", () => {
    expect(() => readPngText(Buffer.from("GIF89a"), SOURCE_KEY)).toThrow("not a PNG file");
  });
});

describeChromium("taking the picture in headless Chromium", () => {
  it("renders the comment's tables and details as one self-contained page", async () => {
    const page = commentPage(source);
    expect(page).not.toMatch(/<(link|script)\b|\bsrc=/);
    expect(page).toContain("<table>");
    expect(page).toContain("<summary>");
    const png = await screenshotComment(source, CHROMIUM ?? "");
    // IHDR: width and height (big-endian) right after the signature, length and type.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(800);
    expect(png.readUInt32BE(20)).toBeGreaterThan(400);
  }, 60_000);
});
