// The artifact users run: `node bin/shipgate.mjs`, loading the esbuild bundle build/cli.mjs.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { lines, makeGitRepo, type TestRepo } from "./make-git-repo.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/shipgate.mjs");

function shipgate(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, bin = BIN) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let repo: TestRepo;
beforeAll(() => {
  repo = makeGitRepo(
    {
      ".github/shipgate.yml":
        "rules:\n  size: { max-lines: 20 }\n  coverage: { missing-report: skip }\n",
      "a.txt": lines(2),
    },
    { "a.txt": lines(40) },
  );
}, 60000);
afterAll(() => repo?.remove());

describe("node bin/shipgate.mjs", () => {
  it("prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(shipgate(["--version"], ROOT)).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("checks a repository, prints JSON and exits 1 when the gate fails", () => {
    const { code, stdout, stderr } = shipgate(
      ["check", "--format", "json", "--base", "main"],
      repo.dir,
      repo.env,
    );
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const verdict = JSON.parse(stdout) as {
      version: number;
      conclusion: string;
      rules: { id: string; status: string }[];
    };
    expect(verdict.version).toBe(1);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.rules.find((rule) => rule.id === "size")?.status).toBe("fail");
  });

  it("exits 2 with a one-line message on a usage error", () => {
    expect(shipgate(["check", "--nope"], repo.dir, repo.env)).toEqual({
      code: 2,
      stdout: "",
      stderr: "shipgate: unknown option '--nope'\nRun 'shipgate check --help' for usage.\n",
    });
  });

  // zod/mini, which validates the config, has no messages of its own: the bundle must carry
  // and set zod's English locale, or every one of them reads "Invalid input".
  it("explains an invalid setting in English", () => {
    const invalid = makeGitRepo(
      { ".github/shipgate.yml": "rules:\n  size: { max-lines: -1 }\n", "a.txt": lines(2) },
      { "a.txt": lines(3) },
    );
    try {
      const { code, stderr } = shipgate(["check", "--base", "main"], invalid.dir, invalid.env);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^\.github\/shipgate\.yml:2:22 rules\.size\.max-lines Too small: expected number to be >=0\n/,
      );
    } finally {
      invalid.remove();
    }
  });

  it.each([
    ["the bundle is missing", [], /build\/cli\.mjs is missing.*npm install.*npm run build/],
    [
      "a chunk it loads is missing",
      ["build/cli.mjs"],
      /build\/cli-chunks\/\S+\.mjs is missing.*npm install.*npm run build/,
    ],
  ])("says how to build when %s", (_case, copied, message) => {
    const dir = mkdtempSync(join(tmpdir(), "shipgate-nobuild-"));
    try {
      mkdirSync(join(dir, "bin"));
      mkdirSync(join(dir, "build"));
      copyFileSync(BIN, join(dir, "bin/shipgate.mjs"));
      for (const file of copied) copyFileSync(join(ROOT, file), join(dir, file));
      const { code, stderr } = shipgate(
        ["--version"],
        dir,
        process.env,
        join(dir, "bin/shipgate.mjs"),
      );
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.split("\n")).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
