// The bundles globalSetup builds as users run them (and the committed Action): minified, with
// external source maps and the licences of the third-party code inside; zod's locales other than
// English left out; what only some runs need split into chunks loaded on demand, so the code a
// process reads before it starts stays small.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

interface Bundle {
  entry: string;
  /** The folder of chunks the entry loads, if it is split. */
  chunks?: string;
}

const BUNDLES: Bundle[] = [
  { entry: "build/cli.cjs", chunks: "build/cli-chunks" },
  { entry: "build/app.mjs" },
  { entry: "build/artifact-worker.mjs" },
];
// The bundles that validate with zod (the worker only reads zips).
const WITH_ZOD = new Set(["build/cli.cjs", "build/app.mjs"]);

/** The entry and every chunk: all the code of a bundle. */
function codeFiles({ entry, chunks }: Bundle): string[] {
  const inChunks = chunks
    ? readdirSync(chunks)
        .filter((name) => /\.[cm]?js$/.test(name))
        .map((name) => path.join(chunks, name))
    : [];
  return [entry, ...inChunks];
}

/**
 * The entry and the chunks it imports (or, CommonJS, requires) statically: what a process reads
 * before it starts.
 */
function loadedAtStart(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    // `import{a as b}from"./x.js"`, `import"./x.js"` or `require("./x.js")`; a dynamic
    // `import("./x.js")` is not one.
    const imports =
      /\bimport\s*(?:[\w$*{}\s,]+from\s*)?"(\.{1,2}\/[^"]+)"|\brequire\("(\.{1,2}\/[^"]+)"\)/g;
    for (const match of code.matchAll(imports)) {
      visit(path.join(path.dirname(file), match[1] ?? match[2] ?? ""));
    }
  };
  visit(entry);
  return [...seen];
}

const bytes = (files: string[]) =>
  files.reduce((sum, file) => sum + readFileSync(file).byteLength, 0);

describe.each(BUNDLES)("$entry", (bundle) => {
  const files = codeFiles(bundle);
  const code = files.map((file) => readFileSync(file, "utf8")).join("\n");

  it("links each file's external source map, and the maps name the sources", () => {
    const sources: string[] = [];
    for (const file of files) {
      const last = readFileSync(file, "utf8").trimEnd().split("\n").pop();
      expect(last).toBe(`//# sourceMappingURL=${path.basename(file)}.map`);
      sources.push(
        ...(JSON.parse(readFileSync(`${file}.map`, "utf8")) as { sources: string[] }).sources,
      );
    }
    expect(sources.some((source) => source.includes("shared/core/"))).toBe(true);
  });

  it("lists each bundled package's licence beside it", () => {
    const licences = readFileSync(bundle.entry.replace(/\.[cm]js$/, ".licenses.txt"), "utf8");
    expect(licences).toMatch(
      WITH_ZOD.has(bundle.entry) ? /^zod@\S+ \(MIT\)$/m : /^yauzl@\S+ \(MIT\)$/m,
    );
    expect(licences).toMatch(/Permission is hereby granted/);
  });

  (WITH_ZOD.has(bundle.entry) ? it : it.skip)("carries zod's English messages only", () => {
    expect(code).toContain("Invalid input");
    expect(code).not.toContain("Ungültige Eingabe");
  });
});

it("keeps the App's runtime out of the App bundle (container/package.json installs it)", () => {
  const app = readFileSync("build/app.mjs", "utf8");
  expect(app).toMatch(/from\s*"probot"/);
  expect(app).not.toMatch(/from\s*"zod"/);
});

it("starts `shipgate --help` on the CLI's entry alone: commands are chunks loaded when run", () => {
  const atStart = loadedAtStart("build/cli.cjs");
  // The entry holds main(), the arguments, the help and the check's git calls (they start before
  // the rules load, in one shell: cli/git/git-batch.ts); every command's code is a chunk. A
  // command pulled into the entry would add hundreds of KB.
  expect(bytes(atStart)).toBeLessThan(40_000);
  const commands = readdirSync("build/cli-chunks").filter((name) => /^run-/.test(name));
  expect(
    commands.filter((name) => /\.[cm]js$/.test(name)).map((name) => name.split("-")[1]),
  ).toEqual(expect.arrayContaining(["check", "init", "validate", "report"]));
});

it("loads `check` from one CommonJS file (cached by V8), and the rules with it", () => {
  const check = readdirSync("build/cli-chunks").filter((name) => /^run-check-.*\.cjs$/.test(name));
  expect(check).toHaveLength(1);
  const code = readFileSync(path.join("build/cli-chunks", check[0] ?? ""), "utf8");
  expect(code).toContain("Invalid input"); // zod's messages: the config is validated in it
  expect(readFileSync("build/cli.cjs", "utf8")).toContain(`"cli-chunks/${check[0] ?? ""}"`);
});

it("validates the config in `check` with zod/mini: zod's classic API stays out of its file", () => {
  const [check] = readdirSync("build/cli-chunks").filter((name) =>
    /^run-check-.*\.cjs$/.test(name),
  );
  const map = readFileSync(path.join("build/cli-chunks", `${check ?? ""}.map`), "utf8");
  const { sources } = JSON.parse(map) as { sources: string[] };
  const zod = sources.filter((source) => source.includes("node_modules/zod/"));
  expect(zod.length).toBeGreaterThan(0);
  expect(zod.filter((source) => source.includes("/zod/v4/classic/"))).toEqual([]);
});

it("keeps yaml, re2js and fast-xml-parser out of `check`'s file: each is a file loaded on use", () => {
  const chunks = readdirSync("build/cli-chunks");
  const [check] = chunks.filter((name) => /^run-check-.*\.cjs$/.test(name));
  const code = readFileSync(path.join("build/cli-chunks", check ?? ""), "utf8");
  const { sources } = JSON.parse(
    readFileSync(path.join("build/cli-chunks", `${check ?? ""}.map`), "utf8"),
  ) as { sources: string[] };
  for (const library of ["yaml", "re2js", "fast-xml-parser"]) {
    expect(sources.filter((source) => source.includes(`node_modules/${library}/`))).toEqual([]);
    const files = chunks.filter(
      (name) => name.startsWith(`lib-${library}-`) && name.endsWith(".cjs"),
    );
    expect(files).toHaveLength(1);
    expect(code).toContain(`"${files[0] ?? ""}"`);
  }
});

// The committed Action (dist.test.ts keeps it a fresh build).
describe("dist/index.js", () => {
  it("loads under 1 MB before it starts", () => {
    expect(bytes(loadedAtStart("dist/index.js"))).toBeLessThan(1_000_000);
  });

  it("loads undici only when a proxy applies: it is in a chunk the entry imports on demand", () => {
    const atStart = loadedAtStart("dist/index.js");
    const undici = codeFiles({ entry: "dist/index.js", chunks: "dist/chunks" }).filter((file) =>
      readFileSync(file, "utf8").includes("undici"),
    );
    expect(undici.length).toBeGreaterThan(0);
    expect(undici.filter((file) => atStart.includes(file))).toEqual([]);
    expect(existsSync("dist/index.licenses.txt")).toBe(true);
  });
});
