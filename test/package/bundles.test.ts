// The bundles globalSetup builds as users run them: minified, with an external source map and
// the licences of the third-party code inside; zod's locales other than English left out.
import { readFileSync } from "node:fs";

const BUNDLES = ["build/cli.mjs", "build/app.mjs", "build/artifact-worker.mjs"];
// The bundles that validate with zod (the worker only reads zips).
const WITH_ZOD = new Set(["build/cli.mjs", "build/app.mjs"]);

describe.each(BUNDLES)("%s", (bundle) => {
  const code = readFileSync(bundle, "utf8");

  it("links its external source map, which names the sources", () => {
    expect(code.trimEnd().split("\n").pop()).toMatch(/^\/\/# sourceMappingURL=[\w-]+\.mjs\.map$/);
    const map = JSON.parse(readFileSync(`${bundle}.map`, "utf8")) as { sources: string[] };
    expect(map.sources.some((source) => source.includes("shared/core/"))).toBe(true);
  });

  it("lists each bundled package's licence beside it", () => {
    const licences = readFileSync(bundle.replace(/\.mjs$/, ".licenses.txt"), "utf8");
    expect(licences).toMatch(WITH_ZOD.has(bundle) ? /^zod@\S+ \(MIT\)$/m : /^yauzl@\S+ \(MIT\)$/m);
    expect(licences).toMatch(/Permission is hereby granted/);
  });

  (WITH_ZOD.has(bundle) ? it : it.skip)("carries zod's English messages only", () => {
    expect(code).toContain("Invalid input");
    expect(code).not.toContain("Ungültige Eingabe");
  });
});

it("keeps the App's runtime out of the App bundle (container/package.json installs it)", () => {
  const app = readFileSync("build/app.mjs", "utf8");
  expect(app).toMatch(/from\s*"probot"/);
  expect(app).not.toMatch(/from\s*"zod"/);
});
