// runGit: git's output read from a pipe, or for large outputs from a temporary file (git never
// waits for this process to read a full pipe); either way the same bytes and the same errors.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGit } from "../../../cli/git/run-git.js";
import { lines, makeGitRepo, type TestRepo } from "../make-git-repo.js";

let repo: TestRepo;
let scratch: string;
beforeAll(() => {
  // 300 KB of diff: several times what a pipe holds.
  repo = makeGitRepo({ "a.txt": lines(10) }, { "a.txt": lines(20_000, "changed") });
});
afterAll(() => repo.remove());
beforeEach(() => {
  // The temporary files go here, so a test can see that none is left. (Setting TMPDIR would not
  // do: os.tmpdir() reads the real environment, not the copy Jest gives a test.)
  scratch = mkdtempSync(join(tmpdir(), "shipgate-run-git-"));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("runGit with outputToFile", () => {
  it("returns the same output as through a pipe, and leaves no file behind", async () => {
    const options = { cwd: repo.dir, env: repo.env, tmpDir: scratch };
    const piped = await runGit(["diff", "main", "feature"], options);
    const filed = await runGit(["diff", "main", "feature"], { ...options, outputToFile: true });
    expect(piped.stdout.length).toBeGreaterThan(200_000);
    expect(filed).toEqual(piped);
    expect(readdirSync(scratch)).toEqual([]);
  });

  // Linux shows a process's children and their state in /proc.
  const children = `/proc/${process.pid}/task/${process.pid}/children`;
  (existsSync(children) ? it : it.skip)(
    "lets git finish while this process is busy and reads nothing",
    async () => {
      const gitStates = () =>
        readFileSync(children, "utf8")
          .split(" ")
          .filter((pid) => pid !== "")
          .map((pid) => readFileSync(`/proc/${pid}/stat`, "utf8"))
          .filter((stat) => stat.includes("(git)"))
          .map((stat) => /\) (\w)/.exec(stat)?.[1]);
      const options = { cwd: repo.dir, env: repo.env, tmpDir: scratch };
      for (const outputToFile of [false, true]) {
        const run = runGit(["diff", "main", "feature"], { ...options, outputToFile });
        const until = Date.now() + 1500; // git needs well under a second for this diff
        while (Date.now() < until) {
          // busy: the event loop reads no pipe meanwhile
        }
        // Z: git has exited (and waits to be reaped); S: it waits to write into a full pipe.
        expect({ outputToFile, states: gitStates() }).toEqual({
          outputToFile,
          states: [outputToFile ? "Z" : "S"],
        });
        await run;
      }
    },
  );

  it("reports git's failures as before, and leaves no file behind", async () => {
    const options = { cwd: repo.dir, env: repo.env, outputToFile: true, tmpDir: scratch };
    await expect(runGit(["diff", "nope...feature"], options)).rejects.toThrow(
      /^git diff failed \(git: fatal: .*nope/,
    );
    const answer = await runGit(["diff", "nope...feature"], { ...options, okCodes: [128] });
    expect(answer).toMatchObject({ code: 128, stdout: Buffer.alloc(0) });
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("says when the directory does not exist, and leaves no file behind", async () => {
    const options = {
      cwd: join(scratch, "gone"),
      env: repo.env,
      outputToFile: true,
      tmpDir: scratch,
    };
    await expect(runGit(["status"], options)).rejects.toThrow(/^no such directory: /);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
