// gatherPullRequestFacts against the simulator: files and their pages, the cap, missing patches,
// base-commit config and attributes, config changes, linked issues.
import type { ApiPullRequest } from "../../shared/github/api-pull-request.js";
import { gatherPullRequestFacts } from "../../shared/github/gather-pull-request-facts.js";
import type { PrFileSeed } from "../github-simulator/index.js";
import { addedPatch, startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);
const where = { owner: "acme", repo: "shop", number: 7 };

function seedPull(files: PrFileSeed[], body = "") {
  return s.sim.state.addPullRequest("acme", "shop", {
    number: 7,
    body,
    title: "Add checkout",
    labels: ["risk:low"],
    user: "alice",
    base: { ref: "main", sha: BASE },
    head: { ref: "feature", sha: HEAD },
    files,
  });
}

const manyFiles = (count: number): PrFileSeed[] =>
  Array.from({ length: count }, (_, i) => ({ filename: `src/f${i}.ts`, patch: addedPatch(1) }));

const filePages = () =>
  s.sim.reads().filter((r) => r.template === "/repos/{owner}/{repo}/pulls/{pull_number}/files");

describe("gatherPullRequestFacts", () => {
  it("reads the pull request, its files and what the base commit says", async () => {
    seedPull([{ filename: "src/a.ts", patch: "@@ -1,2 +1,3 @@\n a\n+b\n c" }]);
    s.sim.state.setFile("acme", "shop", BASE, ".gitattributes", "dist/** linguist-generated\n");
    s.sim.state.setFile("acme", "shop", BASE, ".github/pull_request_template.md", "## Rollout\n");

    const { facts, config } = await gatherPullRequestFacts(s.client, where);

    expect(facts).toMatchObject({
      repository: "acme/shop",
      number: 7,
      title: "Add checkout",
      labels: ["risk:low"],
      author: "alice",
      base: { ref: "main", sha: BASE },
      head: { ref: "feature", sha: HEAD },
      filesTruncated: false,
      gitattributes: "dist/** linguist-generated\n",
      pullRequestTemplate: "## Rollout\n",
      configChanged: false,
      linkedItems: [],
      coverage: null,
    });
    expect(facts.files).toEqual([
      {
        path: "src/a.ts",
        status: "modified",
        binary: false,
        additions: 1,
        deletions: 0,
        addedLines: [2],
      },
    ]);
    expect(config).toMatchObject({
      path: ".github/shipgate.yml",
      text: null,
      result: { ok: true },
    });
  });

  // A count that fills its last page exactly costs one more (empty) page: the count comes from
  // the event and may be stale, so only a short page proves the list has ended.
  it.each([
    [30, 1],
    [100, 2],
    [250, 3],
  ])("lists %i files in %i pages of 100", async (count, pages) => {
    seedPull(manyFiles(count));
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.files).toHaveLength(count);
    expect(facts.filesTruncated).toBe(false);
    expect(filePages()).toHaveLength(pages);
    expect(filePages().every((r) => r.query.per_page === "100")).toBe(true);
  });

  it("reads past a stale file count from the event: files pushed since are not dropped", async () => {
    seedPull(manyFiles(250));
    const current = await s.client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: "acme",
      repo: "shop",
      pull_number: 7,
    });
    const pullRequest = { ...(current.data as ApiPullRequest), changed_files: 150 };
    const { facts } = await gatherPullRequestFacts(s.client, { ...where, pullRequest });
    expect(facts.files).toHaveLength(250);
    expect(facts.filesTruncated).toBe(false);
  });

  it("stops at GitHub's 3,000-file cap and says the list is truncated", async () => {
    seedPull(manyFiles(3005));
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.files).toHaveLength(3000);
    expect(facts.filesTruncated).toBe(true);
    expect(filePages()).toHaveLength(30);
  });

  it("uses the payload's pull request instead of reading it, pages in parallel from changed_files", async () => {
    seedPull(manyFiles(250));
    const pullRequest = {
      number: 7,
      title: "From the payload",
      body: "payload body",
      changed_files: 250,
      base: { ref: "main", sha: BASE },
      head: { ref: "feature", sha: HEAD },
    };
    const { facts } = await gatherPullRequestFacts(s.client, { ...where, pullRequest });
    expect(facts.title).toBe("From the payload");
    expect(facts.files).toHaveLength(250);
    expect(
      s.sim.reads().some((r) => r.template === "/repos/{owner}/{repo}/pulls/{pull_number}"),
    ).toBe(false);
  });

  it("marks files the API sent without a patch as not evaluated, never as zero lines", async () => {
    seedPull([
      { filename: "big.sql", additions: 5000, deletions: 10 },
      { filename: "logo.png" },
      { filename: "moved.ts", status: "renamed", previousFilename: "old.ts" },
    ]);
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.files).toEqual([
      expect.objectContaining({
        path: "big.sql",
        additions: 5000,
        deletions: 10,
        patchMissing: true,
        binary: false,
      }),
      expect.objectContaining({ path: "logo.png", binary: true, patchMissing: true }),
      expect.objectContaining({ path: "moved.ts", status: "renamed", previousPath: "old.ts" }),
    ]);
    expect(facts.files[2]?.patchMissing).toBeUndefined();
  });

  it("reads the config at the base commit, and reports (not applies) a change to it", async () => {
    seedPull([{ filename: ".github/shipgate.yml", patch: "@@ -1 +1 @@\n-a\n+b" }]);
    s.sim.state.setFile(
      "acme",
      "shop",
      BASE,
      ".github/shipgate.yml",
      "rules:\n  size:\n    max-lines: 10\n",
    );
    s.sim.state.setFile(
      "acme",
      "shop",
      HEAD,
      ".github/shipgate.yml",
      "rules:\n  size:\n    max-lines: 99999\n",
    );

    const { facts, config } = await gatherPullRequestFacts(s.client, where);

    expect(facts.configChanged).toBe(true);
    expect(config.result.ok && config.result.config.rules.size["max-lines"]).toBe(10);
    const contentReads = s.sim.reads().filter((r) => r.path.includes("/contents/"));
    expect(contentReads.map((r) => r.query.ref)).toEqual([BASE, BASE, BASE]);
  });

  it("with graphql, reads the base commit's files and the token's login in one query", async () => {
    seedPull([{ filename: ".github/shipgate.yml", patch: "@@ -1 +1 @@\n-a\n+b" }]);
    s.sim.state.setFile("acme", "shop", BASE, ".gitattributes", "dist/** linguist-generated\n");
    s.sim.state.setFile(
      "acme",
      "shop",
      BASE,
      ".github/shipgate.yml",
      "rules:\n  size:\n    max-lines: 10\n",
    );
    s.sim.state.setFile("acme", "shop", HEAD, ".github/shipgate.yml", "rules: {}\n");

    const gathered = await gatherPullRequestFacts(s.client, {
      ...where,
      graphql: { url: s.sim.graphqlUrl, viewer: true },
    });

    expect(gathered.viewerLogin).toBe("github-actions[bot]");
    expect(gathered.facts).toMatchObject({
      gitattributes: "dist/** linguist-generated\n",
      pullRequestTemplate: null,
      configChanged: true,
    });
    expect(gathered.config.result.ok && gathered.config.result.config.rules.size["max-lines"]).toBe(
      10,
    );
    const graphql = s.sim.reads().filter((r) => r.path === "/graphql");
    expect(graphql).toHaveLength(1);
    expect(JSON.stringify(graphql[0]?.body)).toContain(`${BASE}:.github/shipgate.yml`);
    expect(JSON.stringify(graphql[0]?.body)).not.toContain(HEAD);
    expect(s.sim.reads().filter((r) => r.path.includes("/contents/"))).toEqual([]);
  });

  it("returns an invalid base config as errors with line and column", async () => {
    seedPull([]);
    s.sim.state.setFile(
      "acme",
      "shop",
      BASE,
      ".github/shipgate.yml",
      "rules:\n  size:\n    max-lines: lots\n",
    );
    const { config } = await gatherPullRequestFacts(s.client, where);
    expect(config.result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ line: 3, column: 16, path: "rules.size.max-lines" })],
    });
  });

  it("reads a config at a custom path", async () => {
    seedPull([{ filename: "ci/gate.yml", patch: addedPatch(1) }]);
    s.sim.state.setFile("acme", "shop", BASE, "ci/gate.yml", "rules:\n  size:\n    level: off\n");
    const { facts, config } = await gatherPullRequestFacts(s.client, {
      ...where,
      configPath: "ci/gate.yml",
    });
    expect(config.path).toBe("ci/gate.yml");
    expect(config.result.ok && config.result.config.rules.size.level).toBe("off");
    expect(facts.configChanged).toBe(true);
  });

  it("looks up the issues the body links: open, closed, labelled, missing", async () => {
    seedPull([], "Risks: #1, #2 and acme/other#3, also #404");
    s.sim.state.addIssue("acme", "shop", { number: 1, labels: ["risk"], title: "Payment risk" });
    s.sim.state.addIssue("acme", "shop", { number: 2, state: "closed" });
    s.sim.state.addIssue("acme", "other", { number: 3 });

    const { facts } = await gatherPullRequestFacts(s.client, where);

    expect(facts.linkedItems).toEqual([
      expect.objectContaining({
        ref: "acme/shop#1",
        exists: true,
        state: "open",
        labels: ["risk"],
        title: "Payment risk",
      }),
      expect.objectContaining({ ref: "acme/shop#2", exists: true, state: "closed", labels: [] }),
      expect.objectContaining({ ref: "acme/other#3", exists: true, state: "open" }),
      { ref: "acme/shop#404", exists: false },
    ]);
  });

  it("reads, in one request per dependency, whether a pull request merged and why an issue closed", async () => {
    seedPull([], "Depends on #5, #6, #9 and acme/other#8");
    s.sim.state.addPullRequest("acme", "shop", { number: 5, state: "closed", merged: true });
    s.sim.state.addPullRequest("acme", "shop", { number: 6, state: "closed" });
    s.sim.state.addIssue("acme", "shop", {
      number: 9,
      state: "closed",
      stateReason: "not_planned",
    });
    s.sim.state.addIssue("acme", "other", { number: 8 });

    const { facts } = await gatherPullRequestFacts(s.client, where);

    expect(facts.linkedItems).toEqual([
      expect.objectContaining({
        ref: "acme/shop#5",
        state: "closed",
        pullRequest: true,
        merged: true,
      }),
      expect.objectContaining({
        ref: "acme/shop#6",
        state: "closed",
        pullRequest: true,
        merged: false,
      }),
      expect.objectContaining({
        ref: "acme/shop#9",
        pullRequest: false,
        stateReason: "not_planned",
      }),
      expect.objectContaining({
        ref: "acme/other#8",
        state: "open",
        pullRequest: false,
        stateReason: null,
      }),
    ]);
    expect(s.sim.reads().filter((r) => /\/issues\/\d+$/.test(r.path))).toHaveLength(4);
  });

  it("leaves an item in another repository unverified on 404: the token may not see it", async () => {
    seedPull([], "Risk item: acme/private-risks#12, and acme/shop#404");

    const { facts } = await gatherPullRequestFacts(s.client, where);

    expect(facts.linkedItems).toEqual([{ ref: "acme/shop#404", exists: false }]);
  });

  it("looks nothing up when linked-risks is off", async () => {
    seedPull([], "See #1");
    s.sim.state.setFile(
      "acme",
      "shop",
      BASE,
      ".github/shipgate.yml",
      "rules:\n  linked-risks:\n    level: off\n",
    );
    const { facts } = await gatherPullRequestFacts(s.client, where);
    expect(facts.linkedItems).toEqual([]);
    expect(s.sim.reads().some((r) => r.path.includes("/issues/"))).toBe(false);
  });

  it("gives the hunk spans review comments may use", async () => {
    seedPull([
      { filename: "a.ts", patch: "@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -20,1 +21,2 @@\n x\n+y" },
    ]);
    const { hunkSpans } = await gatherPullRequestFacts(s.client, where);
    expect(hunkSpans.get("a.ts")).toEqual([
      { start: 1, end: 3 },
      { start: 21, end: 22 },
    ]);
  });
});
