// Suites that need a program a fresh machine may lack (redis-server, diff-cover, chromium).
// Without it a suite is skipped with one line saying what was skipped and how to enable it;
// with SHIPGATE_REQUIRE_ALL=1 (set by .ci/run) a missing program fails the suite instead.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

export interface ProgramNeed {
  /** The program, as named on PATH. */
  program: string;
  /** Where it was found, or undefined. */
  found: string | undefined;
  /** What the suite tests, for the skip line ("the Redis throttling tests"). */
  suite: string;
  /** How to get it ("apt-get install redis-server"). */
  install: string;
}

export type SuitePlan = { mode: "run" } | { mode: "skip" | "fail"; line: string };

/** The first executable file called `name` in the PATH's folders. */
export function findOnPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here; next folder
    }
  }
  return undefined;
}

export function planSuite(need: ProgramNeed, env: NodeJS.ProcessEnv = process.env): SuitePlan {
  if (need.found !== undefined) return { mode: "run" };
  const missing = `${need.program} is not installed (not on PATH)`;
  if (env.SHIPGATE_REQUIRE_ALL === "1") {
    return {
      mode: "fail",
      line: `${need.suite} cannot run: ${missing}, and SHIPGATE_REQUIRE_ALL=1 requires every suite. Install it: ${need.install}`,
    };
  }
  return {
    mode: "skip",
    line: `SKIPPED ${need.suite}: ${missing}. To run it: ${need.install}, then npm test`,
  };
}

/**
 * `describe` when the program is there; otherwise `describe.skip` after printing one line, or,
 * under SHIPGATE_REQUIRE_ALL=1, a describe whose only test fails with that line.
 */
export function describeIfFound(need: ProgramNeed): jest.Describe {
  const plan = planSuite(need);
  if (plan.mode === "run") return describe;
  if (plan.mode === "skip") {
    process.stderr.write(`${plan.line}\n`);
    return describe.skip;
  }
  const failing = (name: string) =>
    describe(name, () => {
      it(`needs ${need.program}`, () => {
        throw new Error(plan.line);
      });
    });
  return failing as unknown as jest.Describe;
}
