// The artifact users run: `node bin/shipgate.cjs`, loading the esbuild bundle build/cli.cjs.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { lines, makeGitRepo, type TestRepo } from "./make-git-repo.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/shipgate.cjs");

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

describe("node bin/shipgate.cjs", () => {
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

  // Node's ES module loader costs about 15 ms before the check can start git: the bin, the
  // entry and the check's file are CommonJS, and only the other commands import ES modules.
  it("checks without loading an ES module", () => {
    const dir = mkdtempSync(join(tmpdir(), "shipgate-loader-"));
    try {
      const preload = join(dir, "modules.cjs");
      writeFileSync(
        preload,
        'process.on("exit", () => { process.stderr.write(process.moduleLoadList.join("\\n")); });',
      );
      const loaded = (args: string[]) => {
        const result = spawnSync(process.execPath, ["-r", preload, BIN, ...args], {
          cwd: repo.dir,
          env: repo.env,
          encoding: "utf8",
        });
        return result.stderr.split("\n");
      };
      const esModuleJob = "NativeModule internal/modules/esm/module_job";
      expect(loaded(["check", "--base", "main", "--format", "json"])).not.toContain(esModuleJob);
      expect(loaded(["--help"])).not.toContain(esModuleJob);
      // What the test looks for is what an ES module loads.
      expect(loaded(["validate", ".github/shipgate.yml"])).toContain(esModuleJob);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    ["the bundle is missing", [], ["--version"], /build\/cli\.cjs is missing/],
    [
      "the check's file is missing",
      ["build/cli.cjs"],
      ["check"],
      /build\/cli-chunks\/run-check-\w+\.cjs is missing/,
    ],
    [
      "a command's chunk is missing",
      ["build/cli.cjs"],
      ["validate", "shipgate.yml"],
      /build\/cli-chunks\/run-validate-\w+\.mjs is missing/,
    ],
  ])("says how to build when %s", (_case, copied, args, message) => {
    const dir = mkdtempSync(join(tmpdir(), "shipgate-nobuild-"));
    try {
      mkdirSync(join(dir, "bin"));
      mkdirSync(join(dir, "build"));
      copyFileSync(BIN, join(dir, "bin/shipgate.cjs"));
      for (const file of copied) copyFileSync(join(ROOT, file), join(dir, file));
      const { code, stderr } = shipgate(args, dir, process.env, join(dir, "bin/shipgate.cjs"));
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/: run 'npm install' or 'npm run build'\n$/);
      expect(stderr.split("\n")).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
