// Issue 7's silent cases through the CLI: reports it must refuse or read safely, and the
// verdict it must not turn into a pass. Each ran to a wrong figure, a hang or a pass before.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../cli/main.js";
import { lines, makeGitRepo, makeIo, type Files, type TestRepo } from "./make-git-repo.js";

const CONFIG = ".github/shipgate.yml";
const gateConfig = `rules:
  size: { level: "off" }
  coverage: { min-patch: 80, min-coverable-lines: 1 }
  rollout-notes: { level: "off" }
  linked-risks: { level: "off" }
`;
const BIN = join(process.cwd(), "bin/shipgate.cjs");

const repos: TestRepo[] = [];
function repo(head: Files, base: Files = {}): TestRepo {
  const made = makeGitRepo({ [CONFIG]: gateConfig, "src/a.js": lines(5), ...base }, head);
  repos.push(made);
  return made;
}
afterAll(() => repos.forEach((r) => r.remove()));

function lcov(path: string, hits: Record<number, number>): string {
  const records = Object.entries(hits).map(([line, count]) => `DA:${line},${count}`);
  return ["TN:", `SF:${path}`, ...records, "end_of_record", ""].join("\n");
}

interface JsonRule {
  status: string;
  summary: string;
  details: string;
  metrics: Record<string, unknown>;
}

async function check(r: TestRepo, args: string[]) {
  const t = makeIo(r.dir, { env: r.env });
  const code = await main(["check", "--base", "main", "--format", "json", ...args], t.io);
  const stdout = t.stdout();
  const verdict = stdout.startsWith("{")
    ? (JSON.parse(stdout) as { rules: (JsonRule & { id: string })[]; notes: string[] })
    : null;
  const coverage = verdict?.rules.find((rule) => rule.id === "coverage") ?? null;
  return { code, stderr: t.stderr(), verdict, coverage };
}

function errorOf(coverage: JsonRule | null, path: string): string | null | undefined {
  const reports = (coverage?.metrics["reports"] ?? []) as { path: string; error: string | null }[];
  return reports.find((report) => report.path === path)?.error;
}

describe("reports shipgate must refuse rather than read", () => {
  it("exits 2 when a --coverage file does not exist, naming it", async () => {
    const r = repo({ "src/a.js": lines(7) });
    const run = await check(r, ["--coverage", "coverage/lcov.info"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--coverage coverage/lcov.info: no such file");
  });

  it("fails when a report the config names does not exist", async () => {
    const config = gateConfig.replace(
      "min-coverable-lines: 1",
      'min-coverable-lines: 1, reports: ["out/lcov.info", "coverage/lcov.info"]',
    );
    const r = repo(
      { "src/a.js": lines(7), "coverage/lcov.info": lcov("src/a.js", { 6: 1, 7: 1 }) },
      { [CONFIG]: config },
    );
    const run = await check(r, []);
    expect(run.code).toBe(1);
    expect(run.coverage?.status).toBe("fail");
    expect(run.coverage?.details).toContain("`out/lcov.info`: no such file");
  });

  it("refuses a named pipe instead of waiting for a writer", async () => {
    const r = repo({ "src/a.js": lines(7) });
    mkdirSync(join(r.dir, "coverage"));
    execFileSync("mkfifo", [join(r.dir, "coverage/lcov.info")]);
    const run = await check(r, ["--coverage", "coverage/lcov.info"]);
    expect(run.coverage?.status).toBe("fail");
    expect(errorOf(run.coverage, "coverage/lcov.info")).toContain(
      "is not a regular file (a named pipe)",
    );
  });

  it("refuses a device and a directory", async () => {
    const r = repo({ "src/a.js": lines(7) });
    symlinkSync("/dev/zero", join(r.dir, "zero.info"));
    mkdirSync(join(r.dir, "dir.info"));
    const run = await check(r, ["--coverage", "zero.info", "--coverage", "dir.info"]);
    expect(run.coverage?.status).toBe("fail");
    expect(errorOf(run.coverage, "dir.info")).toBe(
      "is not a regular file (a directory); a report must be a file",
    );
    // /dev/zero is outside the repository: refused before its kind is even looked at.
    expect(errorOf(run.coverage, "zero.info")).toContain("is outside the repository");
  });

  it("refuses a committed symlink that leads out of the repository, quoting nothing of it", async () => {
    const r = repo({ "src/a.js": lines(7) });
    const secret = join(r.dir, "..", `secret-${process.pid}.txt`);
    writeFileSync(secret, "TOKEN=hunter2-very-secret-value\n");
    mkdirSync(join(r.dir, "coverage"));
    symlinkSync(secret, join(r.dir, "coverage/lcov.info"));
    const run = await check(r, ["--coverage", "coverage/lcov.info"]);
    expect(run.coverage?.status).toBe("fail");
    expect(run.coverage?.details).toContain("is outside the repository");
    expect(JSON.stringify(run.verdict)).not.toContain("hunter2");
  });

  it("refuses a report over max-report-mb and still uses the others", async () => {
    const config = gateConfig.replace(
      "min-coverable-lines: 1",
      "min-coverable-lines: 1, max-report-mb: 0.001",
    );
    const big = lcov(
      "src/other.js",
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [i + 1, 1])),
    );
    const r = repo({ "src/a.js": lines(7), "src/other.js": lines(400) }, { [CONFIG]: config });
    r.write({ "coverage/a.info": lcov("src/a.js", { 6: 1, 7: 1 }), "coverage/big.info": big });
    const run = await check(r, ["--coverage", "coverage/*.info"]);
    expect(run.coverage?.metrics).toMatchObject({ coverableLines: 2, coveredLines: 2 });
    expect(errorOf(run.coverage, "coverage/big.info")).toMatch(
      /^is \d+ bytes, over the 1049 bytes limit \(rules.coverage.max-report-mb\); refused$/,
    );
    expect(run.coverage?.status).toBe("fail");
  });
});

describe("many reports", () => {
  // Before: all opened at once; with a low open-file limit the process died with EMFILE.
  it("reads 3,000 reports matched by one glob under a 256 open-file limit", () => {
    const r = repo({ "src/a.js": lines(7) });
    const files: Files = {};
    for (let i = 0; i < 3000; i++)
      files[`coverage/part${i}/lcov.info`] = lcov("src/a.js", { 6: i % 2, 7: 1 });
    r.write(files);
    const run = spawnSync(
      "bash",
      [
        "-c",
        `ulimit -n 256 && exec "${process.execPath}" "${BIN}" check --base main --format json --coverage 'coverage/**/lcov.info'`,
      ],
      { cwd: r.dir, env: { ...process.env, ...r.env }, encoding: "utf8" },
    );
    expect(run.stderr).not.toContain("EMFILE");
    const verdict = JSON.parse(run.stdout) as { rules: (JsonRule & { id: string })[] };
    const coverage = verdict.rules.find((rule) => rule.id === "coverage");
    expect(coverage?.metrics).toMatchObject({ coverableLines: 2, coveredLines: 2 });
    expect(coverage?.metrics["reports"]).toHaveLength(3000);
  });
});
