// The npm package as a team installs it: `npm pack` here, `npm i -D shipgate-*.tgz` in a fresh
// project (offline: the package has no dependencies), then `npx shipgate init` and `check` there.
// The App's runtime (Probot, Redis, logging) is the container's (container/package.json), not
// the package's; the JSON output matches the schema and the types the package ships.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";

const ROOT = resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};
const container = JSON.parse(readFileSync(join(ROOT, "container/package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version: string }>;
};

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], { cwd });

function diskBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? diskBytes(path) : statSync(path).size);
  }, 0);
}

let work: string;
let project: string;
let packed: { filename: string; files: { path: string }[] };
let installMs: number;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "shipgate-pack-"));
  // globalSetup has just built build/cli.cjs; no scripts, so no second build races it.
  const out = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
  );
  [packed] = JSON.parse(out) as [typeof packed];
  project = join(work, "project");
  execFileSync("mkdir", [project]);
  writeFileSync(join(project, "package.json"), '{ "name": "team-app", "private": true }\n');
  writeFileSync(join(project, "app.js"), "export const one = 1;\n");
  git(project, "init", "-q", "-b", "main");
  git(project, "add", ".");
  git(project, "commit", "-qm", "start");
  const started = Date.now();
  execFileSync(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "-D", join(work, packed.filename)],
    { cwd: project, stdio: "ignore" },
  );
  installMs = Date.now() - started;
}, 120_000);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

const npx = (...args: string[]) =>
  spawnSync("npx", ["--no-install", "shipgate", ...args], { cwd: project, encoding: "utf8" });

describe("the packed package", () => {
  it("holds the CLI bundle, its map and licences, the schemas, the types and the licence", () => {
    const paths = packed.files.map((file) => file.path).sort();
    // The chunks the CLI loads on demand, exactly those the build wrote (names carry a hash).
    const chunks = readdirSync(join(ROOT, "build/cli-chunks")).map(
      (name) => `build/cli-chunks/${name}`,
    );
    expect(paths.filter((path) => path.startsWith("build/cli-chunks/"))).toEqual(chunks.sort());
    expect(chunks.filter((path) => path.endsWith(".mjs")).length).toBeGreaterThan(1);
    expect(paths.filter((path) => !path.startsWith("build/cli-chunks/"))).toEqual([
      "LICENSE",
      "README.md",
      "bin/shipgate.cjs",
      "build/cli.cjs",
      "build/cli.cjs.map",
      "build/cli.licenses.txt",
      "package.json",
      "schema/shipgate.schema.json",
      "schema/verdict.schema.json",
      "types/verdict.d.ts",
    ]);
  });

  it("has no runtime dependencies: the CLI bundle needs only Node", () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("installs light: only itself, under 5 MB, in under 10 s", () => {
    const installed = readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."));
    expect(installed).toEqual(["shipgate"]);
    expect(diskBytes(join(project, "node_modules"))).toBeLessThan(5 * 1024 * 1024);
    expect(installMs).toBeLessThan(10_000);
  });
});

describe("npx shipgate in the project that installed it", () => {
  it("init writes the config and the pull request template", () => {
    const init = npx("init");
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(readFileSync(join(project, ".github/shipgate.yml"), "utf8")).toMatch(/^rules:/m);
    git(project, "add", ".");
    git(project, "commit", "-qm", "shipgate init");
  });

  it("check judges a branch and prints JSON that matches the published schema", () => {
    git(project, "checkout", "-q", "-b", "feature");
    writeFileSync(join(project, "app.js"), "export const one = 1;\nexport const two = 2;\n");
    git(project, "commit", "-qam", "two");
    const check = npx("check", "--base", "main", "--format", "json", "--body", "small change");
    expect(check.stderr).toBe("");
    expect([0, 1]).toContain(check.status);
    const verdict = JSON.parse(check.stdout) as unknown;
    const schemaPath = join(project, "node_modules/shipgate/schema/verdict.schema.json");
    const validate = new Ajv2020({ strict: true }).compile(
      JSON.parse(readFileSync(schemaPath, "utf8")) as object,
    );
    expect(validate.errors ?? validate(verdict)).toBe(true);
    writeFileSync(join(project, "verdict.json"), check.stdout);
  });

  it("ships types a TypeScript consumer can import as shipgate/verdict", () => {
    writeFileSync(
      join(project, "use.ts"),
      'import type { JsonVerdict } from "shipgate/verdict";\n' +
        'import { readFileSync } from "node:fs";\n' +
        'const verdict = JSON.parse(readFileSync("verdict.json", "utf8")) as JsonVerdict;\n' +
        'const failing: string[] = verdict.rules.filter((r) => r.status === "fail").map((r) => r.id);\n' +
        "// @ts-expect-error: not a rule id\n" +
        'const wrong: JsonVerdict["rules"][number]["id"] = "nope";\n' +
        "export { failing, wrong };\n",
    );
    const tsc = spawnSync(
      process.execPath,
      [
        join(ROOT, "node_modules/typescript/bin/tsc"),
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules/@types"),
        "use.ts",
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

describe("the App's container (container/package.json)", () => {
  it("pins the versions this repository locks and tests, at the package's version", () => {
    expect(container.version).toBe(manifest.version);
    for (const [name, version] of Object.entries(container.dependencies)) {
      expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
    }
  });
});
