// The built `shipgate check` loads yaml, re2js and fast-xml-parser from files of their own, only
// when a check uses them (scripts/build.mjs). What a process loaded is seen in the per-user code
// cache folder: each file it compiled writes its cache there when the run ends.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { lines, makeGitRepo, type TestRepo } from "../cli/make-git-repo.js";

const BIN = resolve(import.meta.dirname, "../../bin/shipgate.cjs");
const LIBRARIES = ["yaml", "re2js", "fast-xml-parser"];

interface Run {
  code: number | null;
  verdict: { rules: { id: string; status: string; summary: string }[] };
  stderr: string;
  /** The libraries whose code the run loaded, by the caches it left. */
  loaded: string[];
  /** Whether the check command's own cache is there (so the caches are where we look). */
  checkCached: boolean;
}

const repos: TestRepo[] = [];
const temporary: string[] = [];
afterAll(() => {
  for (const repo of repos) repo.remove();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** The per-user cache folder a run with TMPDIR=cacheRoot uses (cli/load-cached-script.ts). */
function cacheFolder(cacheRoot: string): string {
  const uid = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return join(cacheRoot, `shipgate-compile-cache-${uid}`);
}

function check(repo: TestRepo, args: string[], cacheRoot: string): Run {
  const result = spawnSync(
    process.execPath,
    [BIN, "check", "--base", "main", "--format", "json", ...args],
    { cwd: repo.dir, env: { ...repo.env, TMPDIR: cacheRoot }, encoding: "utf8" },
  );
  const caches = readdirSync(cacheFolder(cacheRoot));
  return {
    code: result.status,
    verdict: JSON.parse(result.stdout || "{}") as Run["verdict"],
    stderr: result.stderr,
    loaded: LIBRARIES.filter((name) => caches.some((file) => file.startsWith(`lib-${name}-`))),
    checkCached: caches.some((file) => file.startsWith("run-check-")),
  };
}

function freshCacheRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "shipgate-on-demand-"));
  temporary.push(dir);
  return dir;
}

const rule = (run: Run, id: string) => run.verdict.rules.find((found) => found.id === id);

it("loads none of them for a check with no config file, an LCOV report and no patterns", () => {
  const repo = makeGitRepo(
    { "src/a.js": lines(2) },
    {
      "src/a.js": lines(4),
      "coverage/lcov.info": "SF:src/a.js\nDA:1,1\nDA:2,1\nDA:3,1\nDA:4,0\nend_of_record\n",
    },
  );
  repos.push(repo);
  const run = check(repo, ["--coverage", "coverage/lcov.info"], freshCacheRoot());
  expect(run.stderr).toBe("");
  expect(rule(run, "coverage")?.summary).toMatch(/\b1\/2\b|50(\.0)?%/);
  expect(run.checkCached).toBe(true);
  expect(run.loaded).toEqual([]);
});

it("loads each one when the check uses it, with the same verdict from its cache", () => {
  const repo = makeGitRepo(
    {
      ".github/shipgate.yml": [
        "rules:",
        "  linked-risks:",
        "    level: block",
        "    require-level: false",
        "    patterns: ['RISK-\\d+']",
        "",
      ].join("\n"),
      "src/a.py": lines(2),
    },
    {
      "src/a.py": lines(4),
      "coverage.xml": [
        '<?xml version="1.0" ?>',
        '<coverage version="7.4" line-rate="0.75">',
        "<sources><source>.</source></sources>",
        '<packages><package name="src"><classes><class name="a.py" filename="src/a.py">',
        '<lines><line number="1" hits="1"/><line number="2" hits="1"/>',
        '<line number="3" hits="1"/><line number="4" hits="0"/></lines>',
        "</class></classes></package></packages></coverage>",
        "",
      ].join("\n"),
    },
  );
  repos.push(repo);
  const args = ["--coverage", "coverage.xml", "--body", "Tracked in RISK-42."];
  const cacheRoot = freshCacheRoot();
  const first = check(repo, args, cacheRoot);
  expect(first.stderr).toBe("");
  expect(rule(first, "linked-risks")?.status).toBe("pass");
  expect(rule(first, "coverage")?.summary).toMatch(/\b1\/2\b|50(\.0)?%/);
  expect(first.loaded).toEqual(LIBRARIES);

  const cached = check(repo, args, cacheRoot);
  expect(cached).toEqual(first);
});

it("reads an unchanged config from the config cache, without loading the YAML parser", () => {
  const config = "rules:\n  size:\n    max-lines: 3\n";
  const repo = makeGitRepo(
    { ".github/shipgate.yml": config, "a.txt": lines(1) },
    { "a.txt": lines(9) },
  );
  repos.push(repo);
  const cacheRoot = freshCacheRoot();
  const first = check(repo, [], cacheRoot);
  expect(rule(first, "size")?.status).toBe("fail"); // 8 lines against max-lines 3
  expect(first.loaded).toContain("yaml");
  const folder = cacheFolder(cacheRoot);
  for (const name of readdirSync(folder).filter((file) => file.startsWith("lib-yaml-"))) {
    rmSync(join(folder, name));
  }
  const again = check(repo, [], cacheRoot);
  expect(again.verdict).toEqual(first.verdict);
  expect(again.loaded).not.toContain("yaml");

  // A changed config is parsed again (and a config from --config is kept the same way).
  writeFileSync(join(repo.dir, "other.yml"), "rules:\n  size:\n    max-lines: 30\n");
  const other = check(repo, ["--config", "other.yml"], cacheRoot);
  expect(rule(other, "size")?.status).toBe("pass");
  expect(other.loaded).toContain("yaml");
});
