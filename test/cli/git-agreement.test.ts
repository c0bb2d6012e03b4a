// The CLI's figures are the ones a user can check with plain git (and that GitHub's pull request
// files API reports): renames as git detects them by default, copies as added files. And a
// branch with nothing ahead of its base is said so, not passed silently.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { main } from "../../cli/main.js";
import { lines, makeGitRepo, makeIo, type Files, type TestRepo } from "./make-git-repo.js";

const CONFIG = ".github/shipgate.yml";
const gateConfig = `rules:
  size: { max-lines: 100000, warn-lines: 100000, max-files: 1000, warn-files: 1000 }
  coverage: { level: "off" }
  rollout-notes: { level: "off" }
  linked-risks: { level: "off" }
`;

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

interface Verdict {
  rules: { id: string; metrics: Record<string, unknown> }[];
  notes: string[];
}

async function checkJson(dir: string, env: Record<string, string | undefined>, args: string[]) {
  const t = makeIo(dir, { env });
  const code = await main(["check", "--format", "json", ...args], t.io);
  return { code, verdict: JSON.parse(t.stdout()) as Verdict, stderr: t.stderr() };
}

/** Lines and files as `git diff --numstat base...head` counts them. */
function numstat(r: TestRepo): { lines: number; files: number } {
  const out = r.git("diff", "--numstat", "main...feature");
  let total = 0;
  let files = 0;
  for (const row of out.split("\n").filter((line) => line !== "")) {
    const [added = "0", deleted = "0"] = row.split("\t");
    total += Number(added) + Number(deleted);
    files += 1;
  }
  return { lines: total, files };
}

function sizeOf(verdict: Verdict): { lines: number; files: number } {
  const metrics = verdict.rules.find((rule) => rule.id === "size")?.metrics ?? {};
  return { lines: metrics["lines"] as number, files: metrics["files"] as number };
}

describe("size counts like git diff --numstat", () => {
  it("counts a copied-and-edited test file as an added file, not an edit of the original", async () => {
    const original = Array.from({ length: 100 }, (_, i) => `test("case ${i}", () => check(${i}));`);
    const copy = [
      ...original.slice(0, 70),
      ...Array.from({ length: 34 }, (_, i) => `test("new ${i}", () => other(${i}));`),
    ];
    const r = makeGitRepo(
      { [CONFIG]: gateConfig, "test/a.test.js": `${original.join("\n")}\n` },
      { "test/b.test.js": `${copy.join("\n")}\n` },
    );
    repos.push(r);
    const { verdict } = await checkJson(r.dir, r.env, ["--base", "main"]);
    expect(sizeOf(verdict)).toEqual({ lines: 104, files: 1 });
    expect(sizeOf(verdict)).toEqual(numstat(r));
  });

  it("agrees with numstat on generated histories of adds, edits, renames, copies and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom("edit", "rename", "copy", "delete", "add"),
            file: fc.integer({ min: 0, max: 4 }),
            cut: fc.integer({ min: 0, max: 30 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (steps) => {
          const base: Files = { [CONFIG]: gateConfig };
          for (let i = 0; i < 5; i++) {
            base[`src/f${i}.js`] =
              Array.from({ length: 40 }, (_, n) => `const v${i}_${n} = ${n * i};`).join("\n") +
              "\n";
          }
          const r = makeGitRepo(base, null);
          repos.push(r);
          r.git("checkout", "-q", "-b", "feature");
          for (const [n, step] of steps.entries()) {
            const path = `src/f${step.file}.js`;
            const exists = r.git("ls-files", path).trim() !== "";
            if (step.kind === "add" || !exists) {
              r.write({
                [`src/new${n}.js`]: `export const n${n} = ${step.cut};\n`.repeat(step.cut + 1),
              });
            } else if (step.kind === "edit") {
              r.write({ [path]: lines(step.cut + 5) });
            } else if (step.kind === "rename") {
              r.git("mv", path, `src/moved${n}.js`);
            } else if (step.kind === "copy") {
              const text = r.git("show", `HEAD:${path}`);
              r.write({
                [`src/copy${n}.js`]: text
                  .split("\n")
                  .slice(step.cut % 10)
                  .join("\n"),
              });
            } else {
              r.git("rm", "-q", "-f", path);
            }
          }
          r.git("add", "-A");
          r.git("commit", "-q", "--allow-empty", "-m", "change");
          const { verdict } = await checkJson(r.dir, r.env, ["--base", "main"]);
          expect(sizeOf(verdict)).toEqual(numstat(r));
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("a branch with nothing ahead of its base", () => {
  it("says there is nothing to judge when base and head are one commit", async () => {
    const r = makeGitRepo({ [CONFIG]: gateConfig, "src/a.js": lines(3) }, null);
    repos.push(r);
    const { code, verdict } = await checkJson(r.dir, r.env, ["--base", "main"]);
    expect(code).toBe(0);
    expect(verdict.notes.join("\n")).toContain(
      "Nothing to judge: main is the same commit as the base main",
    );
  });

  it("suggests --base when a clone made with -b takes the branch itself as its base", async () => {
    const origin = makeGitRepo(
      { [CONFIG]: gateConfig, "src/a.js": lines(3) },
      { "src/a.js": lines(9) },
    );
    repos.push(origin);
    // The remote's HEAD is the feature branch, so the clone's origin/HEAD names it.
    const parent = mkdtempSync(join(tmpdir(), "shipgate-clone-"));
    try {
      execFileSync("git", ["clone", "-q", "-b", "feature", origin.dir, join(parent, "clone")], {
        env: { ...process.env, ...origin.env },
      });
      const { verdict } = await checkJson(join(parent, "clone"), origin.env, []);
      const notes = verdict.notes.join("\n");
      expect(notes).toContain(
        "Nothing to judge: feature is the same commit as the base origin/feature",
      );
      expect(notes).toContain("--base");
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
