// Suites that need redis-server, diff-cover or chromium: found on PATH they run; missing they are
// skipped with one line saying how to enable them, or fail under SHIPGATE_REQUIRE_ALL=1 (CI).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { findOnPath, planSuite, type ProgramNeed } from "./needs-program.js";

const need = (found: string | undefined): ProgramNeed => ({
  program: "redis-server",
  found,
  suite: "the Redis tests",
  install: "apt-get install redis-server",
});

describe("planSuite", () => {
  it.each([
    ["found, on a laptop", "/usr/bin/redis-server", {}, "run"],
    ["found, in CI", "/usr/bin/redis-server", { SHIPGATE_REQUIRE_ALL: "1" }, "run"],
    ["missing, on a laptop", undefined, {}, "skip"],
    ["missing, with SHIPGATE_REQUIRE_ALL=0", undefined, { SHIPGATE_REQUIRE_ALL: "0" }, "skip"],
    ["missing, in CI", undefined, { SHIPGATE_REQUIRE_ALL: "1" }, "fail"],
  ] as const)("%s: %s", (_name, found, env, mode) => {
    expect(planSuite(need(found), env).mode).toBe(mode);
  });

  it("says on one line what was skipped and how to enable it", () => {
    const plan = planSuite(need(undefined), {});
    expect(plan).toEqual({
      mode: "skip",
      line: "SKIPPED the Redis tests: redis-server is not installed (not on PATH). To run it: apt-get install redis-server, then npm test",
    });
  });

  it("names the missing program and the variable when CI requires every suite", () => {
    const plan = planSuite(need(undefined), { SHIPGATE_REQUIRE_ALL: "1" });
    expect(plan.mode === "fail" && plan.line).toMatch(
      /^the Redis tests cannot run: redis-server is not installed .*SHIPGATE_REQUIRE_ALL=1.*apt-get install redis-server$/,
    );
  });
});

describe("findOnPath", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "shipgate-path-"));
    for (const dir of ["a", "b", "c"]) mkdirSync(join(root, dir));
    writeFileSync(join(root, "a", "tool"), "not executable");
    writeFileSync(join(root, "b", "tool"), "#!/bin/sh\n");
    chmodSync(join(root, "b", "tool"), 0o755);
    mkdirSync(join(root, "c", "dir-tool"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const path = (...dirs: string[]) => dirs.map((dir) => join(root, dir)).join(delimiter);

  it("finds the first executable file, skipping files that are not executable", () => {
    expect(findOnPath("tool", path("a", "b"))).toBe(join(root, "b", "tool"));
  });
  it("does not take a folder for a program", () => {
    expect(findOnPath("dir-tool", path("c"))).toBeUndefined();
  });
  it("is undefined where no folder has it, or PATH is empty", () => {
    expect(findOnPath("tool", path("a", "c"))).toBeUndefined();
    expect(findOnPath("tool", "")).toBeUndefined();
  });
});
