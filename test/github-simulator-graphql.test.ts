// The simulator beyond the REST description: POST /graphql against its slice of GitHub's schema,
// GET /user per kind of token, and a base path as on GitHub Enterprise Server.
import { getOctokit } from "@actions/github";
import {
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from "./github-simulator/index.js";

let sim: Simulator;

async function start(options?: SimulatorOptions): Promise<Simulator> {
  sim = await createSimulator(options);
  return sim;
}

afterEach(async () => {
  await sim?.close();
});

async function graphql(query: string, variables?: Record<string, unknown>, token = "ghs_actions") {
  const response = await fetch(sim.graphqlUrl, {
    method: "POST",
    headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const FILES_QUERY = `query Files($owner: String!, $name: String!, $a: String!, $b: String!, $c: String!) {
  viewer { login }
  repository(owner: $owner, name: $name) {
    a: object(expression: $a) { ... on Blob { text isBinary isTruncated byteSize } }
    b: object(expression: $b) { __typename ... on Blob { text } }
    c: object(expression: $c) { ... on Blob { text } }
  }
}`;

describe("POST /graphql", () => {
  it("answers viewer and blobs at a ref: text, a tree, and null for a missing path", async () => {
    await start();
    sim.state.setFile("acme", "web", "b".repeat(40), ".gitattributes", "dist/** -diff\n");
    sim.state.setFile("acme", "web", "b".repeat(40), ".github/shipgate.yml", "rules: {}\n");
    const at = (path: string) => `${"b".repeat(40)}:${path}`;

    const answer = await graphql(FILES_QUERY, {
      owner: "acme",
      name: "web",
      a: at(".gitattributes"),
      b: at(".github"),
      c: at("nope.md"),
    });

    expect(answer).toEqual({
      status: 200,
      json: {
        data: {
          viewer: { login: "github-actions[bot]" },
          repository: {
            a: { text: "dist/** -diff\n", isBinary: false, isTruncated: false, byteSize: 14 },
            b: { __typename: "Tree" },
            c: null,
          },
        },
      },
    });
    expect(sim.reads()).toEqual([
      expect.objectContaining({ method: "POST", path: "/graphql", kind: "read", status: 200 }),
    ]);
    expect(sim.writes()).toEqual([]);
    expect(sim.violations).toEqual([]);
  });

  it("answers a repository it does not know with GitHub's NOT_FOUND error", async () => {
    await start();
    const answer = await graphql(
      'query { repository(owner: "acme", name: "gone") { object(expression: "main:x") { __typename } } }',
    );
    expect(answer.json).toEqual({
      data: { repository: null },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["repository"],
          message: "Could not resolve to a Repository with the name 'acme/gone'.",
        },
      ],
    });
    expect(sim.violations).toEqual([]);
  });

  it.each([
    [
      "an unknown field",
      "query { viewer { login email } }",
      "Field 'email' doesn't exist on type 'User'",
    ],
    [
      "a field of an implementation asked on the interface",
      'query { repository(owner: "a", name: "b") { object(expression: "x:y") { text } } }',
      "Field 'text' doesn't exist on type 'GitObject'",
    ],
    [
      "a missing required argument",
      'query { repository(owner: "a") { nameWithOwner } }',
      "Field 'repository' is missing required arguments: name",
    ],
    [
      "an undeclared variable",
      "query { repository(owner: $o, name: $o) { nameWithOwner } }",
      "Variable $o is used by query.repository but not declared",
    ],
    [
      "a variable that was not sent",
      "query ($o: String!) { repository(owner: $o, name: $o) { nameWithOwner } }",
      "Variable $o of type String! was not provided",
    ],
    [
      "a mutation",
      'mutation { addComment(subjectId: "x", body: "y") { clientMutationId } }',
      "mutation operations are not simulated",
    ],
    [
      "a scalar with selections",
      "query { viewer { login { x } } }",
      "Selections can't be made on scalars",
    ],
    ["a syntax error", "query { viewer { login }", "Parse error: unexpected end of the document"],
    [
      "a named fragment",
      "query { viewer { ...Who } } fragment Who on User { login }",
      "Parse error",
    ],
  ])("refuses %s with GraphQL errors and records a violation", async (_name, query, message) => {
    await start();
    const answer = await graphql(query);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ errors: [{ message: expect.stringContaining(message) }] });
    expect(sim.violations).toEqual([expect.stringContaining(`POST /graphql: ${message}`)]);
  });

  it("lets a read-only token query, and takes injected faults", async () => {
    await start();
    sim.setTokenPermissions("ghs_fork", "read");
    expect((await graphql("query { viewer { login } }", undefined, "ghs_fork")).json).toEqual({
      data: { viewer: { login: "github-actions[bot]" } },
    });
    const fault = sim.fail({ method: "POST", path: "/graphql", status: 502 });
    expect((await graphql("query { viewer { login } }")).status).toBe(502);
    expect(fault.hits).toBe(1);
  });
});

describe("GET /user", () => {
  it("answers a person's token with the user and refuses installation tokens, as GitHub does", async () => {
    await start({ tokens: { ghp_alice: { login: "alice", type: "User" } } });
    const get = (token: string) =>
      fetch(`${sim.url}/user`, { headers: { authorization: `token ${token}` } }).then(
        async (r) => [r.status, ((await r.json()) as Record<string, unknown>).login ?? ""] as const,
      );
    expect(await get("ghp_alice")).toEqual([200, "alice"]);
    expect(await get("ghs_actions")).toEqual([403, ""]);
    expect(sim.violations).toEqual([]);
  });
});

describe("a base path, as on GitHub Enterprise Server", () => {
  it("serves REST under /api/v3 and GraphQL at /api/graphql, with links that keep the base", async () => {
    await start({ basePath: "/api/v3" });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect(sim.graphqlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/graphql$/);
    sim.state.addPullRequest("acme", "web", {
      number: 3,
      files: Array.from({ length: 150 }, (_, i) => ({
        filename: `f${i}.ts`,
        patch: "@@ -0,0 +1 @@\n+x",
      })),
    });
    const octokit = getOctokit("ghs_actions", { baseUrl: sim.url });

    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner: "acme",
      repo: "web",
      pull_number: 3,
      per_page: 100,
    });
    const viewer = await octokit.request(`POST ${sim.graphqlUrl}`, {
      query: "query { viewer { login } }",
    });

    expect(files).toHaveLength(150);
    expect(viewer.data).toEqual({ data: { viewer: { login: "github-actions[bot]" } } });
    expect(sim.requests.map((r) => [r.path, r.urlPath])).toEqual([
      ["/repos/acme/web/pulls/3/files", "/api/v3/repos/acme/web/pulls/3/files"],
      ["/repos/acme/web/pulls/3/files", "/api/v3/repos/acme/web/pulls/3/files"],
      ["/graphql", "/api/graphql"],
    ]);
    expect(sim.violations).toEqual([]);
  });

  it("404s what is outside the base path and records it", async () => {
    await start({ basePath: "/api/v3" });
    sim.state.addRepo("acme", "web");
    const response = await fetch(`${new URL(sim.url).origin}/repos/acme/web`);
    expect(response.status).toBe(404);
    expect(sim.violations).toEqual(["GET /repos/acme/web: outside the API base path /api/v3"]);
  });
});
