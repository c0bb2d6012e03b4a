import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGitBatch } from "../../../cli/git/git-batch.js";
import {
  commitsOf,
  openRepository,
  startOpeningRepository,
  type RepositoryRequest,
} from "../../../cli/git/open-repository.js";
import { gitEnv } from "../../../cli/git/run-git.js";
import { readBaseFiles } from "../../../cli/git/read-base-files.js";
import { changesConfig, readChanges } from "../../../cli/git/read-changes.js";
import { startDefaultBase } from "../../../cli/git/resolve-refs.js";
import { parseCliArgs, type CheckCommand } from "../../../cli/args.js";
import { startCheck } from "../../../cli/commands/start-check.js";
import { lines, makeGitRepo, makeIo, type TestRepo } from "../make-git-repo.js";

const cleanups: TestRepo[] = [];
function repo(...args: Parameters<typeof makeGitRepo>): TestRepo {
  const made = makeGitRepo(...args);
  cleanups.push(made);
  return made;
}
afterAll(() => cleanups.forEach((r) => r.remove()));

/** Everything a check reads from git, as one object. */
async function gatherGitFacts(request: RepositoryRequest) {
  const repo = await openRepository(request);
  const commits = commitsOf(repo);
  const [files, changes] = await Promise.all([readBaseFiles(commits), readChanges(commits)]);
  return { ...repo, ...changes, ...files, configAtBase: files.config };
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "no error",
    (error: Error) => error.message,
  );
}

describe("openRepository, readBaseFiles and readChanges", () => {
  it("reads the branch as a pull request from its merge base", async () => {
    const r = repo(
      {
        "src/a.ts": lines(10),
        ".github/shipgate.yml": "rules: {}\n",
        ".gitattributes": "dist/** linguist-generated\n",
        ".github/pull_request_template.md": "## Rollout\n",
      },
      { "src/a.ts": lines(12), "src/new file ü.ts": "x\n" },
      "Add cart\n\nBody line one.\n\n## Rollout\nNone.",
    );
    // The base moves on after the branch: its changes are not part of the pull request.
    r.git("checkout", "-q", "main");
    r.commit("Unrelated", { "src/other.ts": lines(50) });
    r.git("checkout", "-q", "feature");

    const facts = await gatherGitFacts({
      dir: join(r.dir, "src"),
      env: r.env,
      base: "main",
      head: null,
    });

    expect(facts.root).toBe(r.dir);
    expect(facts.base).toEqual({ ref: "main", sha: r.git("rev-parse", "main").trim() });
    expect(facts.head).toEqual({ ref: "feature", sha: r.git("rev-parse", "HEAD").trim() });
    expect(facts.files.map((f) => [f.path, f.status, f.additions, f.addedLines])).toEqual([
      ["src/a.ts", "modified", 2, [11, 12]],
      ["src/new file ü.ts", "added", 1, [1]],
    ]);
    expect(facts.headCommit).toEqual({
      authorName: "Ada Lovelace",
      subject: "Add cart",
      body: "Body line one.\n\n## Rollout\nNone.",
    });
    expect(facts.repoFiles.sort()).toEqual(
      [
        ".gitattributes",
        ".github/pull_request_template.md",
        ".github/shipgate.yml",
        "src/a.ts",
        "src/new file ü.ts",
      ].sort(),
    );
    expect(facts.configAtBase).toBe("rules: {}\n");
    expect(facts.gitattributes).toBe("dist/** linguist-generated\n");
    expect(facts.pullRequestTemplate).toBe("## Rollout\n");
    expect(facts.repository).toBeNull();
  });

  it("reads files at the base, not at head, and null when absent", async () => {
    const r = repo(
      { "a.txt": "a\n" },
      { ".github/shipgate.yml": "rules: {}\n", ".gitattributes": "x\n" },
    );
    const facts = await gatherGitFacts({ dir: r.dir, env: r.env, base: "main", head: "feature" });
    expect([facts.configAtBase, facts.gitattributes, facts.pullRequestTemplate]).toEqual([
      null,
      null,
      null,
    ]);
    expect(changesConfig(facts.files)).toBe(true);
  });

  it.each([
    ["edited", { ".github/shipgate.yml": "rules:\n  size: {}\n" }, true],
    ["deleted", { ".github/shipgate.yml": null }, true],
    ["renamed away", { ".github/shipgate.yml": null, ".github/old.yml": "rules: {}\n" }, true],
    ["untouched", { "a.txt": "b\n" }, false],
  ])("configChanged when the config is %s: %s", async (_name, head, expected) => {
    const r = repo({ ".github/shipgate.yml": "rules: {}\n", "a.txt": "a\n" }, head);
    const facts = await gatherGitFacts({ dir: r.dir, env: r.env, base: "main", head: null });
    expect(changesConfig(facts.files)).toBe(expected);
  });

  it("names a detached head HEAD", async () => {
    const r = repo({ "a.txt": "a\n" }, { "a.txt": "b\n" });
    r.git("checkout", "-q", "--detach");
    const facts = await gatherGitFacts({ dir: r.dir, env: r.env, base: "main", head: null });
    expect(facts.head.ref).toBe("HEAD");
    expect(facts.files.map((f) => f.path)).toEqual(["a.txt"]);
  });

  it("names the GitHub repository of the origin remote", async () => {
    const r = repo({ "a.txt": "a\n" });
    r.git("remote", "add", "origin", "git@github.com:acme/shop.git");
    const facts = await gatherGitFacts({ dir: r.dir, env: r.env, base: "main", head: null });
    expect(facts.repository).toBe("acme/shop");
  });

  it.each([
    [
      "an unknown base",
      { base: "nope", head: null },
      /^unknown revision 'nope' \(git: fatal: .+\)$/,
    ],
    [
      "an unknown head",
      { base: "main", head: "v9.9" },
      /^unknown revision 'v9\.9' \(git: fatal: .+\)$/,
    ],
    [
      "a ref that looks like an option",
      { base: "--all", head: null },
      /^invalid revision '--all'$/,
    ],
  ])("rejects %s", async (_name, refs, message) => {
    const r = repo({ "a.txt": "a\n" });
    expect(await errorOf(gatherGitFacts({ dir: r.dir, env: r.env, ...refs }))).toMatch(message);
  });

  it("says when base and head share no history", async () => {
    const r = repo({ "a.txt": "a\n" }, null);
    r.git("checkout", "-q", "--orphan", "island");
    r.commit("Orphan", { "b.txt": "b\n" });
    expect(
      await errorOf(gatherGitFacts({ dir: r.dir, env: r.env, base: "main", head: null })),
    ).toMatch(/^'main' and 'island' have no common ancestor/);
  });

  it("says when the directory is not a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shipgate-nogit-"));
    try {
      const env = { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() };
      expect(await errorOf(gatherGitFacts({ dir, env, base: null, head: null }))).toBe(
        `not a git repository: ${dir} (run inside a git checkout or pass --repo DIR)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says when git is not installed", async () => {
    const r = repo({ "a.txt": "a\n" });
    expect(
      await errorOf(
        gatherGitFacts({
          dir: r.dir,
          env: { ...r.env, PATH: "/nonexistent" },
          base: null,
          head: null,
        }),
      ),
    ).toMatch(/^git not found: install git and make sure it is on PATH/);
  });
});

describe("the commits read in the shell that names them, as a check reads them", () => {
  it("gives what reading them by SHA gives, whatever the directory's name holds", async () => {
    const r = repo(
      { "a.txt": lines(3), ".github/shipgate.yml": "rules: {}\n" },
      { "a.txt": lines(5), "b c.txt": "b\n" },
      "Change\n\nThe body.",
    );
    const head = r.git("rev-parse", "HEAD").trim();
    // rev-parse prints the top directory on a line of its own: the SHAs must not depend on it.
    const dir = `${r.dir}\nsecond line $(x) 'q'`;
    renameSync(r.dir, dir);
    try {
      const request = { dir, env: r.env, base: "main", head: null };
      const batch = createGitBatch(dir, gitEnv(r.env));
      const opening = startOpeningRepository({ ...request, batch });
      const commits = opening.commits!;
      const [chained, files, changes] = await Promise.all([
        opening.repo,
        readBaseFiles(commits),
        readChanges(commits),
      ]);
      expect(chained.root).toBe(dir);
      expect(chained.head.sha).toBe(head);
      const bySha = await gatherGitFacts(request);
      expect({ ...chained, ...changes, ...files, configAtBase: files.config }).toEqual({
        ...bySha,
        git: chained.git,
      });
      expect(changes.files.map((file) => file.path)).toEqual(["a.txt", "b c.txt"]);
    } finally {
      renameSync(dir, r.dir);
    }
  });
});

describe("a check's git reads, as startCheck starts them", () => {
  /** What startCheck reads for `shipgate check` in the repository, and the same read by SHA. */
  async function bothWays(r: TestRepo) {
    const command = parseCliArgs(["check"]) as CheckCommand;
    const started = startCheck(command, makeIo(r.dir, { env: r.env }).io);
    const [repo, files, changes] = await Promise.all([
      started.repo,
      started.baseFiles,
      started.changes,
    ]);
    const bySha = await gatherGitFacts({ dir: r.dir, env: r.env, base: null, head: null });
    return { started: { ...repo, ...changes, ...files, configAtBase: files.config }, bySha };
  }

  /** master, then main a commit ahead of it with its own config, and feature from main. */
  function repoWithMaster(): TestRepo {
    const r = repo({ "a.txt": lines(3) }, null);
    r.git("branch", "master");
    r.commit("On main", { "c.txt": "c\n", ".github/shipgate.yml": "rules: {}\n" });
    r.git("checkout", "-q", "-b", "feature");
    r.commit("The change", { "a.txt": lines(5), "b.txt": "b\n" });
    return r;
  }

  it("finds the default base and reads the commits in one round, as by SHA", async () => {
    const r = repoWithMaster();
    // One round: the reads start on the output lines of the calls that name the commits
    // (git-batch.test.ts holds that the shell then starts them itself).
    const opening = startOpeningRepository({ dir: r.dir, env: r.env, base: null, head: null });
    expect(opening.commits?.base).toEqual([{ from: expect.any(Promise), line: 0 }]);
    expect(opening.commits?.head).toEqual([{ from: expect.any(Promise), line: 0 }]);
    await opening.repo;
    const { started, bySha } = await bothWays(r);
    expect(started.base).toEqual({ ref: "main", sha: r.git("rev-parse", "main").trim() });
    expect(started).toEqual({ ...bySha, git: started.git });
    expect(started.files.map((file) => file.path)).toEqual(["a.txt", "b.txt"]);
  });

  it("reads again when origin/HEAD, listed first, is not the default base", async () => {
    const r = repoWithMaster();
    // Not a remote branch: the default base is main, though origin/HEAD sorts first.
    r.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/heads/master");
    const { started, bySha } = await bothWays(r);
    expect(started.base.ref).toBe("main");
    expect(started).toEqual({ ...bySha, git: started.git });
    // Against master, the diff would hold main's commit too, and there would be no config.
    expect(started.files.map((file) => file.path)).toEqual(["a.txt", "b.txt"]);
    expect(started.configAtBase).toBe("rules: {}\n");
  });
});

describe("startDefaultBase", () => {
  it("prefers the branch origin/HEAD points at", async () => {
    const r = repo({ "a.txt": "a\n" });
    r.git("update-ref", "refs/remotes/origin/trunk", "main");
    r.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
    expect(await startDefaultBase({ cwd: r.dir, env: r.env }).base).toEqual({
      ref: "origin/trunk",
      sha: r.git("rev-parse", "main").trim(),
    });
  });

  it("falls back to main, then master, past a dangling origin/HEAD", async () => {
    const r = repo({ "a.txt": "a\n" });
    const sha = r.git("rev-parse", "main").trim();
    r.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/gone");
    expect(await startDefaultBase({ cwd: r.dir, env: r.env }).base).toEqual({ ref: "main", sha });
    r.git("branch", "-m", "main", "master");
    expect(await startDefaultBase({ cwd: r.dir, env: r.env }).base).toEqual({ ref: "master", sha });
  });

  it("asks for --base when there is no candidate", async () => {
    const r = repo({ "a.txt": "a\n" });
    r.git("branch", "-m", "main", "trunk");
    expect(await errorOf(startDefaultBase({ cwd: r.dir, env: r.env }).base)).toMatch(
      /pass --base REF/,
    );
  });
});
