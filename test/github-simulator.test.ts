// Tests the local GitHub REST API simulator over real HTTP, as the action and app tests use it.
import { getOctokit } from "@actions/github";
import {
  createSimulator,
  generateAppKey,
  MAX_PR_FILES,
  primaryRateLimit,
  secondaryRateLimit,
  signAppJwt,
  type PrFileSeed,
  type Simulator,
  type SimulatorOptions,
} from "./github-simulator/index.js";

type Json = Record<string, unknown>;

let sim: Simulator;

async function start(options?: SimulatorOptions): Promise<Simulator> {
  sim = await createSimulator(options);
  return sim;
}

afterEach(async () => {
  await sim?.close();
});

async function call(method: string, path: string, body?: unknown, token = "ghs_actions") {
  const response = await fetch(path.startsWith("http") ? path : `${sim.url}${path}`, {
    method,
    headers: {
      authorization: `token ${token}`,
      accept: "application/vnd.github+json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const json: unknown =
    text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, json };
}

/** Rel -> URL from a Link header. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header?.split(",") ?? []) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part);
    if (match?.[1] && match[2]) out[match[2]] = match[1];
  }
  return out;
}

function files(count: number): PrFileSeed[] {
  return Array.from({ length: count }, (_, i) => ({
    filename: `src/file-${String(i).padStart(4, "0")}.ts`,
    patch: "@@ -1,1 +1,2 @@\n context\n+added",
  }));
}

async function collectFiles(firstUrl: string): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url) {
    const page = await call("GET", url);
    expect(page.status).toBe(200);
    names.push(...(page.json as { filename: string }[]).map((f) => f.filename));
    url = links(page.headers.get("link")).next;
    pages++;
  }
  return { names, pages };
}

describe("pull request files", () => {
  it("paginates 250 files with GitHub's Link header", async () => {
    await start();
    sim.state.addPullRequest("acme", "web", { number: 7, files: files(250) });

    const first = await call("GET", "/repos/acme/web/pulls/7/files?per_page=100");
    const firstLinks = links(first.headers.get("link"));
    expect(Object.keys(firstLinks).sort()).toEqual(["last", "next"]);
    expect(new URL(firstLinks.next ?? "").searchParams.get("page")).toBe("2");
    expect(new URL(firstLinks.last ?? "").searchParams.get("page")).toBe("3");

    const middle = links((await call("GET", firstLinks.next ?? "")).headers.get("link"));
    expect(Object.keys(middle).sort()).toEqual(["first", "last", "next", "prev"]);
    const last = await call("GET", firstLinks.last ?? "");
    expect((last.json as unknown[]).length).toBe(50);
    expect(Object.keys(links(last.headers.get("link"))).sort()).toEqual(["first", "prev"]);

    const all = await collectFiles(`${sim.url}/repos/acme/web/pulls/7/files?per_page=100`);
    expect(all.pages).toBe(3);
    expect(all.names).toEqual(files(250).map((f) => f.filename));
    // Default page size is 30; per_page above 100 is clamped.
    expect((await collectFiles(`${sim.url}/repos/acme/web/pulls/7/files`)).pages).toBe(9);
    expect((await collectFiles(`${sim.url}/repos/acme/web/pulls/7/files?per_page=500`)).pages).toBe(
      3,
    );
    expect(sim.violations).toEqual([]);
  });

  it("stops at 3,000 files like GitHub and omits patch for binary files", async () => {
    await start();
    const seeded = [{ filename: "logo.png", status: "added" as const }, ...files(3499)];
    sim.state.addPullRequest("acme", "web", { number: 8, files: seeded });

    const all = await collectFiles(`${sim.url}/repos/acme/web/pulls/8/files?per_page=100`);
    expect(all.names.length).toBe(MAX_PR_FILES);
    expect(all.pages).toBe(30);

    const [binary, text] = (await call("GET", "/repos/acme/web/pulls/8/files?per_page=2"))
      .json as Json[];
    expect(binary).not.toHaveProperty("patch");
    expect(text).toMatchObject({ additions: 1, deletions: 0, changes: 1, status: "modified" });
    expect(sim.violations).toEqual([]);
  });
});

describe("contents", () => {
  it("serves base64 files at a branch or sha, and 404s what is absent", async () => {
    await start();
    sim.state.setFile("acme", "web", "main", ".shipgate.yml", "size:\n  max-lines: 400\n");
    sim.state.setFile("acme", "web", "abc123", ".shipgate.yml", "size:\n  max-lines: 10\n");

    const atMain = await call("GET", "/repos/acme/web/contents/.shipgate.yml");
    expect(atMain.status).toBe(200);
    const file = atMain.json as { type: string; encoding: string; content: string };
    expect(file.type).toBe("file");
    expect(Buffer.from(file.content, "base64").toString()).toContain("max-lines: 400");

    const atSha = (await call("GET", "/repos/acme/web/contents/.shipgate.yml?ref=abc123"))
      .json as Json;
    expect(Buffer.from(String(atSha.content), "base64").toString()).toContain("max-lines: 10");

    expect((await call("GET", "/repos/acme/web/contents/missing.yml?ref=main")).status).toBe(404);
    expect((await call("GET", "/repos/acme/web/contents/.shipgate.yml?ref=nope")).status).toBe(404);
    expect((await call("GET", "/repos/acme/nope/contents/.shipgate.yml")).status).toBe(404);
    expect(sim.violations).toEqual([]);
  });
});

describe("issue comments", () => {
  it("creates, updates, lists (paginated) and deletes, recording the token's identity", async () => {
    await start({ tokens: { ghs_app: { login: "shipgate[bot]", type: "Bot" } } });
    sim.state.addPullRequest("acme", "web", { number: 3 });
    for (let i = 0; i < 4; i++) sim.state.addComment("acme", "web", 3, `human ${i}`, "alice");

    const created = await call(
      "POST",
      "/repos/acme/web/issues/3/comments",
      { body: "<!-- shipgate -->v1" },
      "ghs_app",
    );
    expect(created.status).toBe(201);
    const comment = created.json as { id: number; user: { login: string; type: string } };
    expect(comment.user).toMatchObject({ login: "shipgate[bot]", type: "Bot" });

    const byActions = (await call("POST", "/repos/acme/web/issues/3/comments", { body: "x" }))
      .json as Json;
    expect(byActions.user).toMatchObject({ login: "github-actions[bot]", type: "Bot" });

    const updated = await call(
      "PATCH",
      `/repos/acme/web/issues/comments/${comment.id}`,
      { body: "v2" },
      "ghs_app",
    );
    expect(updated.json).toMatchObject({ id: comment.id, body: "v2" });

    const page1 = await call("GET", "/repos/acme/web/issues/3/comments?per_page=5");
    expect((page1.json as unknown[]).length).toBe(5);
    const next = links(page1.headers.get("link")).next ?? "";
    const page2 = (await call("GET", next)).json as { body: string }[];
    expect(page2.map((c) => c.body)).toEqual(["x"]);

    expect((await call("DELETE", `/repos/acme/web/issues/comments/${comment.id}`)).status).toBe(
      204,
    );
    expect(sim.state.commentsOn("acme", "web", 3).map((c) => c.body)).not.toContain("v2");
    expect(
      (await call("PATCH", "/repos/acme/web/issues/comments/999999", { body: "v3" })).status,
    ).toBe(404);
    expect(sim.writes().map((w) => w.method)).toEqual(["POST", "POST", "PATCH", "DELETE"]);
    expect(sim.violations).toEqual([]);
  });

  it("handles concurrent creates one at a time", async () => {
    await start();
    sim.state.addIssue("acme", "web", { number: 1 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call("POST", "/repos/acme/web/issues/1/comments", { body: `c${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const ids = sim.state.commentsOn("acme", "web", 1).map((c) => c.id);
    expect(new Set(ids).size).toBe(20);
    expect(sim.violations).toEqual([]);
  });
});

describe("reviews", () => {
  const patch = "@@ -10,3 +10,4 @@ function a() {\n line10\n-old11\n+new11\n+new12\n line12";

  it("accepts comments on diff lines and answers 422 'Line could not be resolved' otherwise", async () => {
    await start();
    sim.state.addPullRequest("acme", "web", {
      number: 5,
      user: "alice",
      files: [
        { filename: "src/a.ts", patch },
        { filename: "src/big.ts", commentableLines: [100, 101] },
      ],
    });
    const review = (comments: unknown[]) =>
      call("POST", "/repos/acme/web/pulls/5/reviews", {
        event: "COMMENT",
        body: "shipgate",
        comments,
      });

    const good = await review([
      { path: "src/a.ts", line: 11, side: "RIGHT", body: "added line" },
      { path: "src/a.ts", start_line: 10, line: 12, body: "range" },
      { path: "src/a.ts", line: 11, side: "LEFT", body: "removed line" },
      { path: "src/big.ts", line: 101, body: "seeded line" },
    ]);
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ state: "COMMENTED", body: "shipgate" });

    const bad = await review([
      { path: "src/a.ts", line: 11, body: "fine" },
      { path: "src/a.ts", line: 40, body: "outside the diff" },
    ]);
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({
      message: "Unprocessable Entity",
      errors: ["Line could not be resolved"],
    });
    expect((await review([{ path: "nope.ts", line: 1, body: "x" }])).json).toMatchObject({
      errors: ["Path could not be resolved"],
    });

    // Rejected reviews store nothing.
    expect(sim.state.reviews).toHaveLength(1);
    const listed = await call("GET", "/repos/acme/web/pulls/5/comments?per_page=2");
    expect((listed.json as unknown[]).length).toBe(2);
    expect(links(listed.headers.get("link")).last).toContain("page=2");
    expect(((await call("GET", "/repos/acme/web/pulls/5/reviews")).json as unknown[]).length).toBe(
      1,
    );
    expect(sim.violations).toEqual([]);
  });
});

describe("check runs", () => {
  const annotations = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      path: "src/a.ts",
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: "warning",
      message: `m${i}`,
    }));

  it("accumulates annotations and rejects more than 50 in one request", async () => {
    await start();
    sim.state.addRepo("acme", "web");
    const created = await call("POST", "/repos/acme/web/check-runs", {
      name: "shipgate",
      head_sha: "a".repeat(40),
      status: "in_progress",
      output: { title: "Running", summary: "…", annotations: annotations(50) },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { id: number }).id;

    const tooMany = await call("PATCH", `/repos/acme/web/check-runs/${id}`, {
      output: { title: "Done", summary: "s", annotations: annotations(51) },
    });
    expect(tooMany.status).toBe(422);
    expect(sim.violations.join("\n")).toMatch(/annotations/);
    sim.violations.length = 0;

    const done = await call("PATCH", `/repos/acme/web/check-runs/${id}`, {
      conclusion: "failure",
      output: { title: "Done", summary: "s", annotations: annotations(10) },
    });
    expect(done.json).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { annotations_count: 60 },
    });
    const listed = (await call("GET", `/repos/acme/web/commits/${"a".repeat(40)}/check-runs`))
      .json as Json;
    expect(listed).toMatchObject({
      total_count: 1,
      check_runs: [{ id, app: { slug: "github-actions" } }],
    });
    expect(sim.violations).toEqual([]);
  });

  it("rejects a body the OpenAPI description does not allow, and records the violation", async () => {
    await start();
    sim.state.addRepo("acme", "web");
    const bad = await call("POST", "/repos/acme/web/check-runs", {
      name: "shipgate",
      head_sha: "b".repeat(40),
      conclusion: "great",
    });
    expect(bad.status).toBe(422);
    expect(String((bad.json as Json).message)).toMatch(/^Invalid request/);
    expect(sim.violations).toEqual([
      expect.stringMatching(/POST \/repos\/\{owner\}\/\{repo\}\/check-runs: request .*conclusion/),
    ]);
    expect(sim.state.checkRuns).toHaveLength(0);
    expect(sim.writes()).toHaveLength(0);
  });
});

describe("validation of routes", () => {
  it("can be switched off", async () => {
    await start({ validate: false });
    sim.state.addRepo("acme", "web");
    const body = { name: "x", head_sha: "c".repeat(40), conclusion: "great" };
    expect((await call("POST", "/repos/acme/web/check-runs", body)).status).toBe(201);
    expect((await call("GET", "/nowhere")).status).toBe(404);
    expect(sim.violations).toEqual([]);
  });

  it("404s unknown routes like GitHub and records them", async () => {
    await start();
    const unknown = await call("GET", "/repos/acme/web/no-such-thing/1");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({
      message: "Not Found",
      documentation_url: expect.any(String),
    });
    const malformed = await call("POST", "/repos/acme/web/check-runs", "{not json");
    expect(malformed.status).toBe(400);
    // In GitHub's description but not simulated: also a violation, so tests notice.
    expect((await call("GET", "/repos/acme/web/branches")).status).toBe(404);
    expect(sim.violations).toEqual([
      expect.stringContaining("not in GitHub's OpenAPI description"),
      expect.stringContaining("not JSON"),
      expect.stringContaining("not implemented by the simulator"),
    ]);
  });
});

describe("fault injection", () => {
  it("answers a secondary rate limit with retry-after, then recovers", async () => {
    await start();
    sim.state.addIssue("acme", "web", { number: 1 });
    const fault = sim.fail(secondaryRateLimit({ method: "POST", path: /\/comments$/ }, 1));

    const limited = await call("POST", "/repos/acme/web/issues/1/comments", { body: "a" });
    expect(limited.status).toBe(403);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(String((limited.json as Json).message)).toContain(
      "You have exceeded a secondary rate limit",
    );
    expect((await call("POST", "/repos/acme/web/issues/1/comments", { body: "a" })).status).toBe(
      201,
    );
    expect(fault.hits).toBe(1);
    expect(sim.state.comments).toHaveLength(1);
  });

  it("answers 429 with exhausted rate-limit headers and custom 5xx", async () => {
    await start();
    sim.state.addRepo("acme", "web");
    sim.fail(primaryRateLimit({ path: "/repos/{owner}/{repo}" }, 5));
    sim.fail({ status: 503, path: "/repos/acme/web", times: 2 });
    const limited = await call("GET", "/repos/acme/web");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(limited.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect((await call("GET", "/repos/acme/web")).status).toBe(503);
    expect((await call("GET", "/repos/acme/web")).status).toBe(503);
    expect((await call("GET", "/repos/acme/web")).status).toBe(200);
    expect(sim.reads()).toHaveLength(4);
  });

  it("performs the write but answers 502 when asked to fail after the write", async () => {
    await start();
    sim.state.addPullRequest("acme", "web", { number: 9 });
    sim.fail({
      method: "POST",
      path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
      status: 502,
      afterWrite: true,
    });

    expect((await call("POST", "/repos/acme/web/issues/9/comments", { body: "once" })).status).toBe(
      502,
    );
    const listed = (await call("GET", "/repos/acme/web/issues/9/comments")).json as {
      body: string;
    }[];
    expect(listed.map((c) => c.body)).toEqual(["once"]);
    expect(sim.state.commentsOn("acme", "web", 9)).toHaveLength(1);
    expect(sim.writes()).toEqual([
      expect.objectContaining({ method: "POST", status: 502, applied: true, faulted: true }),
    ]);
  });

  it("refuses writes from a read-only token", async () => {
    await start();
    sim.state.addIssue("acme", "web", { number: 1 });
    sim.setTokenPermissions("ghs_fork", "read");
    const refused = await call(
      "POST",
      "/repos/acme/web/issues/1/comments",
      { body: "x" },
      "ghs_fork",
    );
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ message: "Resource not accessible by integration" });
    expect((await call("GET", "/repos/acme/web/issues/1", undefined, "ghs_fork")).status).toBe(200);
    expect(sim.state.comments).toHaveLength(0);
    expect(sim.violations).toEqual([]);
  });
});

describe("GitHub App authentication", () => {
  it("exchanges an RS256 JWT for an installation token that acts as the app's bot", async () => {
    const key = generateAppKey(4242, "shipgate");
    await start({ app: key.app });
    sim.state.addInstallation({ id: 77, account: "acme" });
    sim.state.addIssue("acme", "web", { number: 1 });
    const jwt = signAppJwt(key.privateKey, 4242);

    const installation = await call("GET", "/repos/acme/web/installation", undefined, jwt);
    expect(installation.json).toMatchObject({ id: 77, app_id: 4242 });
    expect((await call("GET", "/app", undefined, jwt)).json).toMatchObject({
      id: 4242,
      slug: "shipgate",
    });

    const exchanged = await call("POST", "/app/installations/77/access_tokens", undefined, jwt);
    expect(exchanged.status).toBe(201);
    const { token, expires_at } = exchanged.json as { token: string; expires_at: string };
    expect(token).toMatch(/^ghs_/);
    expect(Date.parse(expires_at)).toBeGreaterThan(Date.now());

    const comment = (await call("POST", "/repos/acme/web/issues/1/comments", { body: "hi" }, token))
      .json as Json;
    expect(comment.user).toMatchObject({ login: "shipgate[bot]", type: "Bot" });
    expect(sim.violations).toEqual([]);
  });

  it("rejects JWTs signed by another key, expired, or for another app", async () => {
    const key = generateAppKey(4242);
    const other = generateAppKey(4242);
    await start({ app: key.app });
    sim.state.addInstallation({ id: 77, account: "acme" });
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      signAppJwt(other.privateKey, 4242),
      signAppJwt(key.privateKey, 4242, { iat: now - 700, exp: now - 60 }),
      signAppJwt(key.privateKey, 4242, { exp: now + 3600 }),
      signAppJwt(key.privateKey, 1),
      "not-a-jwt",
    ];
    for (const jwt of attempts) {
      const response = await call("POST", "/app/installations/77/access_tokens", undefined, jwt);
      expect(response.status).toBe(401);
    }
    expect(
      (
        await call(
          "POST",
          "/app/installations/78/access_tokens",
          undefined,
          signAppJwt(key.privateKey, 4242),
        )
      ).status,
    ).toBe(404);
  });
});

describe("a whole gate run", () => {
  it("keeps every response within GitHub's OpenAPI description", async () => {
    await start();
    sim.state.addRepo("acme", "web", { defaultBranch: "trunk" });
    sim.state.setRole("acme", "web", "alice", "maintain");
    const pr = sim.state.addPullRequest("acme", "web", {
      user: "alice",
      labels: ["risk:low"],
      files: [{ filename: "src/a.ts", patch: "@@ -1 +1,2 @@\n a\n+b" }],
    });
    const sha = pr.pull?.head.sha ?? "";
    sim.state.setFile("acme", "web", sha, ".shipgate.yml", "size: {}\n");
    const artifact = sim.state.addArtifact("acme", "web", 99, {
      name: "coverage",
      data: Buffer.from("PK\x03\x04"),
    });

    const steps: [string, string, unknown?][] = [
      ["GET", "/repos/acme/web"],
      ["GET", `/repos/acme/web/pulls/${pr.number}`],
      ["GET", `/repos/acme/web/commits/${sha}/pulls`],
      ["GET", `/repos/acme/web/issues/${pr.number}`],
      ["GET", `/repos/acme/web/contents/.shipgate.yml?ref=${sha}`],
      ["GET", "/repos/acme/web/collaborators/alice/permission"],
      ["GET", "/repos/acme/web/actions/runs/99/artifacts"],
      ["POST", `/repos/acme/web/issues/${pr.number}/labels`, { labels: ["shipgate:blocked"] }],
      ["DELETE", `/repos/acme/web/issues/${pr.number}/labels/risk:low`],
      [
        "POST",
        "/repos/acme/web/check-runs",
        {
          name: "shipgate",
          head_sha: sha,
          conclusion: "success",
          output: { title: "ok", summary: "ok" },
        },
      ],
      ["GET", `/repos/acme/web/commits/${sha}/check-runs`],
      ["GET", "/rate_limit"],
    ];
    for (const [method, path, body] of steps) {
      const { status } = await call(method, path, body);
      expect({ step: `${method} ${path}`, ok: status < 300 }).toEqual({
        step: `${method} ${path}`,
        ok: true,
      });
    }
    const permission = (await call("GET", "/repos/acme/web/collaborators/alice/permission")).json;
    expect(permission).toMatchObject({ permission: "write", role_name: "maintain" });
    const zip = await fetch(`${sim.url}/repos/acme/web/actions/artifacts/${artifact.id}/zip`);
    expect(Buffer.from(await zip.arrayBuffer())).toEqual(Buffer.from("PK\x03\x04"));
    expect(sim.violations).toEqual([]);
  });
});

describe("with @actions/github's Octokit", () => {
  it("serves getOctokit(): paginate, typed errors, writes", async () => {
    await start();
    sim.state.addPullRequest("acme", "web", { number: 4, files: files(130) });
    const octokit = getOctokit("ghs_actions", { baseUrl: sim.url });

    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: "acme",
      repo: "web",
      pull_number: 4,
      per_page: 100,
    });
    expect(listed).toHaveLength(130);
    const { data } = await octokit.rest.issues.createComment({
      owner: "acme",
      repo: "web",
      issue_number: 4,
      body: "from octokit",
    });
    expect(data.user).toMatchObject({ login: "github-actions[bot]" });
    await expect(
      octokit.rest.issues.get({ owner: "acme", repo: "web", issue_number: 99 }),
    ).rejects.toMatchObject({
      status: 404,
    });
    expect(sim.violations).toEqual([]);
  });
});
