// git calls run through a batch (one POSIX shell for the calls started together) give what they
// give when this process spawns git for each: the same bytes, exit codes and errors, arguments
// passed verbatim whatever they contain, and no file left behind.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGitBatch, type GitBatch } from "../../../cli/git/git-batch.js";
import { joined } from "../../../cli/git/output-line.js";
import {
  gitEnv,
  outputLine,
  runGit,
  type GitOutput,
  type GitRunOptions,
} from "../../../cli/git/run-git.js";
import { lines, makeGitRepo, type TestRepo } from "../make-git-repo.js";

const hasShell = process.platform !== "win32" && existsSync("/bin/sh");
const describeWithShell = hasShell ? describe : describe.skip;

/** Lines a shell would make something else of, if they reached it unquoted. */
const HOSTILE = [
  "$(touch MARKER)",
  "`touch MARKER`",
  '"; touch MARKER; echo "',
  "'; touch MARKER; echo '",
  "a b\tc",
  "$1 $@ ${2} * ? ~",
  "",
  "\\n\\",
  "-",
  "last line without a newline",
];

let repo: TestRepo;
let scratch: string;
/** Where the batches' temporary files go, so a test can see that none is left. */
let files: string;
beforeAll(() => {
  repo = makeGitRepo(
    { "a.txt": lines(10), "b c.txt": "spaces\n", "hostile.txt": HOSTILE.join("\n") },
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

  it("fails each call with the reason when the system refuses the shell's arguments", async () => {
    const batch = batchFor(repo.dir);
    const options = { cwd: repo.dir, env: repo.env, batch };
    // Far past Linux's 2 MB for all arguments: spawn throws E2BIG at once.
    const paths = Array.from({ length: 40_000 }, (_, i) => `some/long/path/number/${i}.txt`);
    const runs = [
      runGit(["ls-files", "--", ...paths], options),
      runGit(["rev-parse", "main"], options),
    ];
    for (const run of runs) await expect(run).rejects.toThrow(/^could not run git: .*E2BIG/);
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

/** Runs `git <source>`, then calls made of its output lines, directly and through one batch. */
async function chainedBothWays(
  source: string[],
  dependents: (
    from: Promise<GitOutput>,
  ) => [Parameters<typeof runGit>[0], Partial<GitRunOptions>][],
) {
  const settle = (run: Promise<GitOutput>) =>
    run.then(
      ({ stdout, code }) => ({ stdout: stdout.toString("utf8"), code }),
      (error: Error) => ({ error: error.message }),
    );
  const runAll = (options: GitRunOptions) => {
    const from = runGit(source, { ...options, okCodes: [128] });
    return Promise.all(
      dependents(from).map(([args, extra]) => settle(runGit(args, { ...options, ...extra }))),
    );
  };
  const options = { cwd: repo.dir, env: repo.env };
  const direct = await runAll(options);
  const batched = await runAll({ ...options, batch: batchFor(repo.dir) });
  return { direct, batched };
}

describeWithShell("calls that use lines of another call's output", () => {
  it("start in the same shell as soon as those calls have run, without this process", async () => {
    const batch = batchFor(repo.dir);
    const options = { cwd: repo.dir, env: repo.env, batch };
    const located = runGit(["rev-parse", "--show-toplevel", "main^{commit}"], options);
    const feature = runGit(["rev-parse", "feature^{commit}"], options);
    const marked = runGit(["update-ref", "refs/test/chained", [outputLine(located, 1)]], options);
    // Lines of two calls, in the input.
    const both = runGit(["update-ref", "--stdin"], {
      ...options,
      input: joined(
        "create refs/test/main ",
        [outputLine(located, 1)],
        "\ncreate refs/test/feature ",
        [outputLine(feature, 0)],
        "\n",
      ),
    });
    batch.flush();
    // This thread sleeps: only a shell that starts the later calls itself can have written the refs.
    const refs = ["chained", "main", "feature"].map((name) =>
      join(repo.dir, ".git", "refs", "test", name),
    );
    const deadline = Date.now() + 10_000;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (!refs.every((ref) => existsSync(ref)) && Date.now() < deadline) {
      Atomics.wait(nap, 0, 0, 50);
    }
    expect(refs.filter((ref) => !existsSync(ref))).toEqual([]);
    await Promise.all([marked, both]);
    const sha = (rev: string) => repo.git("rev-parse", rev).trim();
    expect(refs.map((ref) => readFileSync(ref, "utf8").trim())).toEqual([
      sha("main"),
      sha("main"),
      sha("feature"),
    ]);
    expect(readdirSync(files)).toEqual([]);
  });

  it("get every line verbatim, in arguments and input, as when this process waits", async () => {
    const marker = join(scratch, "touched");
    const { direct, batched } = await chainedBothWays(["show", "main:hostile.txt"], (from) => {
      const line = (n: number) => outputLine(from, n);
      const all = HOSTILE.map((_, n) => line(n));
      return [
        [["rev-parse", "--sq-quote", ...all.map((l) => [l]), joined("<", [line(4)], ">")], {}],
        [["hash-object", "--stdin"], { input: joined(...all.flatMap((l) => [[l], "\n"])) }],
        [["rev-parse", "--sq-quote", [line(HOSTILE.length + 3)]], {}],
      ];
    });
    expect(batched).toEqual(direct);
    const quoted = (batched[0] as { stdout: string }).stdout;
    expect(quoted).toContain("'$(touch MARKER)'");
    expect(quoted).toContain("'<a b\tc>'");
    // The input is the file's lines, each ended by a newline (the file's last has none).
    const text = `${HOSTILE.join("\n")}\n`;
    const blob = createHash("sha1").update(`blob ${Buffer.byteLength(text)}\0${text}`);
    expect((batched[1] as { stdout: string }).stdout.trim()).toBe(blob.digest("hex"));
    // A line past the end is empty, as the shell's read gives it.
    expect((batched[2] as { stdout: string }).stdout.trim()).toBe("''");
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(files)).toEqual([]);
  });

  it("do not run when that call failed, and say so", async () => {
    const { direct, batched } = await chainedBothWays(["rev-parse", "nope^{commit}"], (from) => [
      [["update-ref", "refs/test/never", [outputLine(from, 0)]], {}],
      [["cat-file", "--batch"], { input: [outputLine(from, 0), "\n"] }],
    ]);
    expect(batched).toEqual(direct);
    for (const result of batched) {
      expect(result).toEqual({ error: expect.stringMatching(/^git was not run: the git call/) });
    }
    expect(existsSync(join(repo.dir, ".git", "refs", "test", "never"))).toBe(false);
    expect(readdirSync(files)).toEqual([]);
  });

  it("leave an input without output lines to a file, however long", async () => {
    // One argument to the shell may not exceed 128 KB (Linux's MAX_ARG_STRLEN).
    const specs = Array.from({ length: 30_000 }, () => "main:a.txt\n");
    const batch = batchFor(repo.dir);
    const read = await runGit(["cat-file", "--batch-check"], {
      cwd: repo.dir,
      env: repo.env,
      batch,
      input: joined(...specs),
    });
    expect(read.stdout.toString().split("\n").filter(Boolean)).toHaveLength(30_000);
    expect(readdirSync(files)).toEqual([]);
  });

  it("do not run when one of two calls failed", async () => {
    const batch = batchFor(repo.dir);
    const options = { cwd: repo.dir, env: repo.env, batch, okCodes: [128] };
    const known = runGit(["rev-parse", "main"], options);
    const unknown = runGit(["rev-parse", "nope^{commit}"], options);
    const range = joined([outputLine(known, 0)], "..", [outputLine(unknown, 0)]);
    const listed = runGit(["rev-list", range], options);
    await expect(listed).rejects.toThrow(/^git was not run: the git call/);
    expect((await unknown).code).toBe(128);
    expect(readdirSync(files)).toEqual([]);
  });

  it("wait for a call that already ran, and for calls of two others", async () => {
    const batch = batchFor(repo.dir);
    const options = { cwd: repo.dir, env: repo.env, batch };
    const main = runGit(["rev-parse", "main"], options);
    batch.flush();
    const feature = runGit(["rev-parse", "feature"], options);
    const range = runGit(
      ["rev-list", "--count", joined([outputLine(main, 0)], "..", [outputLine(feature, 0)])],
      options,
    );
    expect((await range).stdout.toString().trim()).toBe("1");
    expect(readdirSync(files)).toEqual([]);
  });
});
