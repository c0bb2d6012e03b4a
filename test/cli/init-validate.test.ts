import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../cli/main.js";
import { makeGitRepo, makeIo, type TestRepo } from "./make-git-repo.js";

let repo: TestRepo;
beforeEach(() => {
  repo = makeGitRepo({ "README.md": "hi\n" });
});
afterEach(() => repo.remove());

const CONFIG = ".github/shipgate.yml";
const TEMPLATE = ".github/pull_request_template.md";

async function run(argv: string[], cwd = repo.dir) {
  const t = makeIo(cwd, { env: repo.env });
  const code = await main(argv, t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe("shipgate init", () => {
  it("writes a config that validates and a pull request template, at the repository root", async () => {
    mkdirSync(join(repo.dir, "src"));
    const result = await run(["init"], join(repo.dir, "src"));
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringContaining(`wrote ${CONFIG}\nwrote ${TEMPLATE}\n`),
      stderr: "",
    });
    expect(readFileSync(join(repo.dir, TEMPLATE), "utf8")).toContain("## Rollout");
    expect(await run(["validate"])).toEqual({ code: 0, stdout: `${CONFIG}: valid\n`, stderr: "" });
  });

  it("never overwrites without --force, and names the file", async () => {
    repo.write({ [CONFIG]: "# mine\n" });
    const refused = await run(["init"]);
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr: `shipgate: ${CONFIG} already exists; pass --force to overwrite\n`,
    });
    expect(readFileSync(join(repo.dir, CONFIG), "utf8")).toBe("# mine\n");
    expect(() => readFileSync(join(repo.dir, TEMPLATE))).toThrow();

    expect((await run(["init", "--force"])).code).toBe(0);
    expect(readFileSync(join(repo.dir, CONFIG), "utf8")).toContain("max-lines: 400");
  });

  it("refuses a --repo that does not exist", async () => {
    expect(await run(["init", "--repo", "/nonexistent/shop"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "shipgate: no such directory: /nonexistent/shop\n",
    });
  });

  it("works in a directory that is not a git repository, via --repo", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shipgate-init-"));
    try {
      expect((await run(["init", "--repo", dir])).code).toBe(0);
      expect((await run(["validate", join(dir, CONFIG)])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("shipgate validate", () => {
  it.each([
    [
      "valid YAML with one setting",
      "rules:\n  size:\n    max-lines: 300\n",
      0,
      "",
      `${CONFIG}: valid\n`,
    ],
    ["an empty file (all defaults)", "", 0, "", `${CONFIG}: valid\n`],
    [
      "malformed YAML",
      "rules:\n  size:\n    max-lines: [300\n",
      2,
      new RegExp(`^${CONFIG}:\\d+:\\d+ invalid YAML: `),
      "",
    ],
    [
      "an unknown key",
      "rules:\n  size:\n    max-line: 300\n",
      2,
      `${CONFIG}:3:5 rules.size.max-line unknown key; did you mean "max-lines"?\n`,
      "",
    ],
    [
      "a wrong type",
      "rules:\n  coverage:\n    min-patch: lots\n",
      2,
      new RegExp(`^${CONFIG}:3:\\d+ rules\\.coverage\\.min-patch .+\\n$`),
      "",
    ],
  ])("%s", async (_name, text, code, stderr, stdout) => {
    repo.write({ [CONFIG]: text });
    const result = await run(["validate"]);
    expect(result.code).toBe(code);
    if (typeof stderr === "string") expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe(stdout);
  });

  it("reports every error, one per line", async () => {
    repo.write({ [CONFIG]: "rules:\n  size:\n    max-line: 1\n  coverag: {}\n" });
    const { code, stderr } = await run(["validate"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^\.github\/shipgate\.yml:3:5 rules\.size\.max-line /),
      expect.stringMatching(/^\.github\/shipgate\.yml:4:3 rules\.coverag .*"coverage"/),
    ]);
  });

  it("validates a FILE given relative to the current directory", async () => {
    writeFileSync(join(repo.dir, "gate.yml"), "rules:\n  sise: {}\n");
    const { code, stderr } = await run(["validate", "gate.yml"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gate\.yml:2:3 rules\.sise unknown key; did you mean "size"\?\n$/);
  });

  it("says when the file is missing", async () => {
    expect(await run(["validate"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `shipgate: cannot read config file ${CONFIG}: no such file\n`,
    });
  });
});
