// The README's picture of the comment: the example pull request's comment (example-comment.ts)
// as GitHub would show it, rendered as HTML (marked, GitHub's markdown CSS) and photographed in
// headless Chromium. The PNG carries the SHA-256 of the markdown it shows (png-text.ts), and the
// markdown is kept beside it, so a test can tell when the renderer has moved on.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { marked } from "marked";
import { chromium } from "playwright-core";
import { renderExampleComment } from "./example-comment.js";
import { addPngText } from "./png-text.js";

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, "../..");
export const PICTURE = join(ROOT, "docs/images/comment.png");
export const PICTURE_SOURCE = join(ROOT, "docs/images/comment.md");
/** The PNG tEXt key holding the SHA-256 of the markdown the picture shows. */
export const SOURCE_KEY = "shipgate:comment-sha256";
const WIDTH = 820;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A self-contained page: the comment in a GitHub-like comment box, no request beyond it. */
export function commentPage(markdown: string): string {
  const css = readFileSync(
    require.resolve("github-markdown-css/github-markdown-light.css"),
    "utf8",
  );
  const body = marked.parse(markdown, { gfm: true, async: false });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>shipgate comment</title>
<style>${css}
body { margin: 0; padding: 16px; background: #fff; width: ${WIDTH}px; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
  font: 14px -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  color: #59636e; }
.comment-header strong { color: #1f2328; }
.markdown-body { padding: 16px; font-size: 14px; }
.markdown-body td:first-child code { white-space: nowrap; }
</style></head>
<body><div class="comment">
<div class="comment-header"><strong>github-actions</strong> <span>bot</span> commented</div>
<div class="markdown-body">${body}</div>
</div></body></html>
`;
}

/** The comment box photographed in headless Chromium, as PNG bytes. */
export async function screenshotComment(markdown: string, executablePath: string): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: WIDTH + 32, height: 600 },
      deviceScaleFactor: 1,
    });
    await page.route("**/*", (route) => route.abort());
    await page.setContent(commentPage(markdown), { waitUntil: "load" });
    return await page.locator(".comment").screenshot({ type: "png" });
  } finally {
    await browser.close();
  }
}

/** Renders the example comment and writes docs/images/comment.md and comment.png. */
export async function writeCommentPicture(executablePath: string): Promise<void> {
  const markdown = renderExampleComment();
  const png = await screenshotComment(markdown, executablePath);
  writeFileSync(PICTURE_SOURCE, markdown);
  writeFileSync(PICTURE, addPngText(png, SOURCE_KEY, sha256(markdown)));
}
