// The README is the front page and docs/ the manual: the README stays short (under 12 KB), and
// every relative link in either (a file, a heading anchor in it, an image) leads somewhere.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { headingAnchors, splitMarkdown } from "../helpers/markdown-doc.js";

const ROOT = resolve(import.meta.dirname, "../..");
const README_LIMIT = 12 * 1024;

export interface Link {
  /** Where the link is written, `docs/action.md:12`. */
  where: string;
  target: string;
}

/** Relative link targets in a page's prose: markdown links and images, `src`/`href` attributes. */
export function relativeLinks(file: string, markdown: string): Link[] {
  const links: Link[] = [];
  const { prose } = splitMarkdown(markdown);
  const lines = markdown.split("\n");
  let cursor = 0;
  for (const line of prose) {
    cursor = lines.indexOf(line, cursor);
    // Code spans are text, not links: `[x](javascript:alert(1))` is an example.
    const text = line.replace(/(`+)[^`]*?\1/g, "");
    const targets = [
      ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
      ...[...text.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
    ];
    for (const target of targets) {
      if (target === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      links.push({ where: `${file}:${cursor + 1}`, target });
    }
  }
  return links;
}

/** What is wrong with each link, given how to read a file of the repository (undefined: none). */
export function checkLinks(
  file: string,
  links: readonly Link[],
  read: (path: string) => string | undefined,
): string[] {
  return links.flatMap(({ where, target }) => {
    const [path = "", anchor] = target.split("#", 2);
    const resolved = path === "" ? file : join(path.startsWith("/") ? "" : dirname(file), path);
    const text = read(resolved);
    if (text === undefined) return [`${where}: ${target}: no such file (${resolved})`];
    if (anchor === undefined || anchor === "" || !resolved.endsWith(".md")) return [];
    const anchors = headingAnchors(splitMarkdown(text).prose);
    return anchors.has(decodeURIComponent(anchor))
      ? []
      : [`${where}: ${target}: ${resolved} has no heading #${anchor}`];
  });
}

function readRepoFile(path: string): string | undefined {
  const full = join(ROOT, path);
  if (relative(ROOT, full).startsWith("..") || !existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? "" : readFileSync(full, "utf8");
}

const pages = [
  "README.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("the README", () => {
  it(`stays a front page: under ${README_LIMIT / 1024} KB`, () => {
    expect(statSync(join(ROOT, "README.md")).size).toBeLessThan(README_LIMIT);
  });

  it.each(["action", "app", "configuration", "rules", "json", "development"])(
    "links to docs/%s.md",
    (name) => {
      const targets = relativeLinks("README.md", readFileSync(join(ROOT, "README.md"), "utf8"));
      expect(targets.map((link) => link.target.split("#")[0])).toContain(`docs/${name}.md`);
    },
  );
});

describe.each(pages)("%s", (page) => {
  it("links only to files and headings that exist", () => {
    const links = relativeLinks(page, readFileSync(join(ROOT, page), "utf8"));
    expect(checkLinks(page, links, readRepoFile)).toEqual([]);
  });
});

describe("the link check itself", () => {
  const files: Record<string, string> = {
    "README.md": "# shipgate\n\n## Quick start\n",
    "docs/rules.md": "# Rules\n\n## size\n\n## `coverage`\n",
    "docs/images/comment.png": "",
  };
  const read = (path: string): string | undefined => files[path];

  it("finds links and images, not code spans, code blocks or absolute URLs", () => {
    const page = [
      'See [rules](rules.md#size), ![comment](images/comment.png) and <img src="x.png">.',
      "`[x](javascript:alert(1))` and [web](https://example.com) and [mail](mailto:a@b.c).",
      "```md",
      "[in code](nowhere.md)",
      "```",
      "[top](#rules)",
    ].join("\n");
    expect(relativeLinks("docs/a.md", page)).toEqual([
      { where: "docs/a.md:1", target: "rules.md#size" },
      { where: "docs/a.md:1", target: "images/comment.png" },
      { where: "docs/a.md:1", target: "x.png" },
      { where: "docs/a.md:6", target: "#rules" },
    ]);
  });

  it("resolves paths from the page's folder and anchors in the target page", () => {
    const links: Link[] = [
      { where: "README.md:3", target: "docs/rules.md#size" },
      { where: "README.md:4", target: "docs/rules.md#coverage" },
      { where: "README.md:5", target: "docs/images/comment.png" },
      { where: "README.md:6", target: "#quick-start" },
      { where: "README.md:7", target: "docs/rules.md#focus" },
      { where: "README.md:8", target: "docs/app.md" },
      { where: "README.md:9", target: "#install" },
    ];
    expect(checkLinks("README.md", links, read)).toEqual([
      "README.md:7: docs/rules.md#focus: docs/rules.md has no heading #focus",
      "README.md:8: docs/app.md: no such file (docs/app.md)",
      "README.md:9: #install: README.md has no heading #install",
    ]);
    expect(
      checkLinks("docs/rules.md", [{ where: "x", target: "../README.md#quick-start" }], read),
    ).toEqual([]);
  });

  it("builds GitHub's anchors, repeats numbered", () => {
    const prose = [
      "## Register the App from `app.yml`",
      "### Several instances and `REDIS_URL`",
      "## Pull requests from forks: evaluate, then publish",
      "### Settings",
      "### Settings",
    ];
    expect([...headingAnchors(prose)]).toEqual([
      "register-the-app-from-appyml",
      "several-instances-and-redis_url",
      "pull-requests-from-forks-evaluate-then-publish",
      "settings",
      "settings-1",
    ]);
  });

  it("reads code blocks indented in a list, and keeps them out of the prose", () => {
    const { prose, blocks } = splitMarkdown("1. Run:\n\n   ```sh\n   # not a heading\n   ```\n");
    expect(blocks).toEqual([{ lang: "sh", text: "# not a heading", line: 3 }]);
    expect(prose).not.toContain("   # not a heading");
  });
});
