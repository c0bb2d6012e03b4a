// git calls run through a batch (one POSIX shell for the calls started together) give what they
// give when this process spawns git for each: the same bytes, exit codes and errors, arguments
// passed verbatim whatever they contain, and no file left behind.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGitBatch, type GitBatch } from "../../../cli/git/git-batch.js";
import { gitEnv, runGit, type GitRunOptions } from "../../../cli/git/run-git.js";
import { lines, makeGitRepo, type TestRepo } from "../make-git-repo.js";

const hasShell = process.platform !== "win32" && existsSync("/bin/sh");
const describeWithShell = hasShell ? describe : describe.skip;

let repo: TestRepo;
let scratch: string;
/** Where the batches' temporary files go, so a test can see that none is left. */
let files: string;
beforeAll(() => {
  repo = makeGitRepo(
    { "a.txt": lines(10), "b c.txt": "spaces\n" },
    { "a.txt": lines(20_000, "changed") },
  );
});
afterAll(() => repo.remove());
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "shipgate-git-batch-"));
  files = mkdtempSync(join(tmpdir(), "shipgate-git-batch-files-"));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

function batchFor(cwd: string, env = repo.env, tmpDir = files): GitBatch {
  const batch = createGitBatch(cwd, gitEnv(env), tmpDir);
  if (batch === null) throw new Error("no POSIX shell");
  return batch;
}

/** Runs each call directly and through one batch (all started in the same turn). */
async function bothWays(calls: [string[], Partial<GitRunOptions>][]) {
  const options = { cwd: repo.dir, env: repo.env };
  const settle = (run: Promise<unknown>) =>
    run.then(
      (value) => ({ value }),
      (error: Error) => ({ error: error.message }),
    );
  const direct = await Promise.all(
    calls.map(([args, extra]) => settle(runGit(args, { ...options, ...extra }))),
  );
  const batch = batchFor(repo.dir);
  const batched = await Promise.all(
    calls.map(([args, extra]) => settle(runGit(args, { ...options, ...extra, batch }))),
  );
  return { direct, batched };
}

describeWithShell("runGit through a batch", () => {
  it("gives the same output, exit codes and errors as git spawned for each call", async () => {
    const { direct, batched } = await bothWays([
      [["diff", "main...feature"], {}],
      [["cat-file", "--batch"], { input: "main:a.txt\nmain:nope.txt\nfeature\n" }],
      [["ls-tree", "-r", "-z", "--name-only", "main"], {}],
      [["config", "--get", "remote.origin.url"], { okCodes: [1] }],
      [["rev-parse", "--verify", "nope^{commit}"], { okCodes: [128] }],
      [["rev-parse", "--verify", "nope^{commit}"], {}],
    ]);
    expect(batched).toEqual(direct);
    // The diff is several times what a pipe holds; the answer and the failure are as git said.
    const [diff, , , config, unknown, failure] = batched;
    expect((diff as { value: { stdout: Buffer } }).value.stdout.length).toBeGreaterThan(200_000);
    expect(config).toMatchObject({ value: { code: 1 } });
    expect(unknown).toMatchObject({ value: { code: 128 } });
    expect(failure).toEqual({ error: expect.stringMatching(/^git rev-parse failed \(git: /) });
    expect(readdirSync(files)).toEqual([]);
  });

  it("passes every argument to git verbatim, whatever the shell would make of it", async () => {
    const marker = join(scratch, "touched");
    const hostile = [
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `"; touch ${marker}; echo "`,
      `'; touch ${marker}; echo '`,
      "a b\tc\nd",
      "$1 $@ ${2} * ? ~",
      "",
      "-",
      "\\",
      "last",
    ];
    // More than nine arguments, so the script's ${10} and beyond are used too.
    const { direct, batched } = await bothWays([[["rev-parse", "--sq-quote", ...hostile], {}]]);
    expect(batched).toEqual(direct);
    const quoted = (batched[0] as { value: { stdout: Buffer } }).value.stdout.toString("utf8");
    expect(quoted).toContain("'\\''; touch");
    expect(existsSync(marker)).toBe(false);
  });

  it("runs what is queued at flush(), and later calls in a shell of their own", async () => {
    const batch = batchFor(repo.dir);
    const options = { cwd: repo.dir, env: repo.env, batch };
    const first = runGit(["rev-parse", "main"], options);
    batch.flush();
    const second = runGit(["rev-parse", "feature"], options);
    const [main, feature] = await Promise.all([first, second]);
    expect(main.stdout.toString().trim()).toBe(repo.git("rev-parse", "main").trim());
    expect(feature.stdout.toString().trim()).toBe(repo.git("rev-parse", "feature").trim());
    expect(readdirSync(files)).toEqual([]);
  });

  it("fails each call with the reason when the temporary folder cannot be written", async () => {
    const batch = batchFor(repo.dir, repo.env, join(files, "missing"));
    const options = { cwd: repo.dir, env: repo.env, batch };
    const runs = [runGit(["rev-parse", "main"], options), runGit(["status"], options)];
    for (const run of runs) {
      await expect(run).rejects.toThrow(/^could not run git: ENOENT: .*mkdtemp/);
    }
  });

  it("says when git is not installed", async () => {
    const env = { ...repo.env, PATH: "/nonexistent" };
    const batch = batchFor(repo.dir, env);
    await expect(runGit(["status"], { cwd: repo.dir, env, batch })).rejects.toThrow(
      /^git not found: install git and make sure it is on PATH/,
    );
    expect(readdirSync(files)).toEqual([]);
  });

  it("says when the directory does not exist", async () => {
    const cwd = join(scratch, "gone");
    const batch = batchFor(cwd);
    await expect(runGit(["status"], { cwd, env: repo.env, batch })).rejects.toThrow(
      /^no such directory: /,
    );
    expect(readdirSync(files)).toEqual([]);
  });

  it("says when the directory is not a repository, whatever codes the call accepts", async () => {
    const cwd = mkdtempSync(join(scratch, "plain-"));
    const env = { ...repo.env, GIT_CEILING_DIRECTORIES: scratch };
    const batch = batchFor(cwd, env);
    await expect(
      runGit(["rev-parse", "HEAD"], { cwd, env, batch, okCodes: [128] }),
    ).rejects.toThrow(/^not a git repository: /);
  });
});
