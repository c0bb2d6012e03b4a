// Reading several files at a commit in one GraphQL query, and the contents API taking over
// wherever GraphQL cannot answer: the answers are the same either way.
import { readFilesAtRef } from "../../shared/github/read-files-at-ref.js";
import type { GitHubClient } from "../../shared/github/github-client.js";
import { startSimClient, type SimClient } from "./sim-client.js";

const BASE = "b".repeat(40);
const PATHS = [".gitattributes", "docs/ünïcode.md", "missing.txt", ".github"];
const EXPECTED = new Map<string, string | null>([
  [".gitattributes", "*.gen.ts linguist-generated\n"],
  ["docs/ünïcode.md", "héllo ✓\n"],
  ["missing.txt", null],
  // A directory is not a file.
  [".github", null],
]);

let s: SimClient;
beforeEach(async () => {
  s = await start();
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

async function start(options?: Parameters<typeof startSimClient>[0]): Promise<SimClient> {
  const started = await startSimClient(options);
  for (const [path, text] of EXPECTED) {
    if (text !== null) started.sim.state.setFile("acme", "shop", BASE, path, text);
  }
  started.sim.state.setFile("acme", "shop", BASE, ".github/shipgate.yml", "rules: {}\n");
  return started;
}

const read = (client: GitHubClient, graphqlUrl: string | undefined, paths = PATHS) =>
  readFilesAtRef(client, {
    owner: "acme",
    repo: "shop",
    ref: BASE,
    paths,
    ...(graphqlUrl === undefined ? {} : { graphqlUrl, viewer: true }),
  });

const contentReads = () =>
  s.sim.reads().filter((r) => r.template === "/repos/{owner}/{repo}/contents/{path}");
const graphqlReads = () => s.sim.reads().filter((r) => r.path === "/graphql");

describe("readFilesAtRef", () => {
  it("reads every file and the token's login in one GraphQL query", async () => {
    const read4 = await read(s.client, s.sim.graphqlUrl);
    expect(read4).toEqual({ files: EXPECTED, viewerLogin: "github-actions[bot]" });
    expect(s.sim.requests).toHaveLength(1);
    expect(graphqlReads()).toHaveLength(1);
  });

  it("asks the client's own /graphql when the URL is empty", async () => {
    expect((await read(s.client, "")).files).toEqual(EXPECTED);
    expect(graphqlReads()).toHaveLength(1);
  });

  it("without a GraphQL URL, reads each file through the contents API", async () => {
    expect(await read(s.client, undefined)).toEqual({ files: EXPECTED });
    expect(graphqlReads()).toEqual([]);
    expect(contentReads()).toHaveLength(PATHS.length);
  });

  it.each([
    ["a 502", 502],
    ["a 404 (no GraphQL at that URL)", 404],
    ["a 403", 403],
  ])("after %s from GraphQL, reads through the contents API", async (_name, status) => {
    s.sim.fail({ method: "POST", path: "/graphql", status });
    expect(await read(s.client, s.sim.graphqlUrl)).toEqual({ files: EXPECTED });
    expect(contentReads()).toHaveLength(PATHS.length);
  });

  it("reads a binary or truncated blob, and only that one, through the contents API", async () => {
    const big = `${"x".repeat(600 * 1024)}\n`;
    s.sim.state.setFile("acme", "shop", BASE, "big.txt", big);
    s.sim.state.setFile("acme", "shop", BASE, "nul.bin", "a\0b");
    const { files } = await read(s.client, s.sim.graphqlUrl, [
      ".gitattributes",
      "big.txt",
      "nul.bin",
    ]);
    expect(files.get("big.txt")).toBe(big);
    expect(files.get("nul.bin")).toBe("a\0b");
    expect(files.get(".gitattributes")).toBe(EXPECTED.get(".gitattributes"));
    expect(contentReads().map((r) => r.path)).toEqual(
      expect.arrayContaining([
        "/repos/acme/shop/contents/big.txt",
        "/repos/acme/shop/contents/nul.bin",
      ]),
    );
    expect(contentReads()).toHaveLength(2);
  });

  it("falls back for a file whose object GraphQL reported an error for", async () => {
    const calls: string[] = [];
    const client: GitHubClient = {
      async request(route, params) {
        calls.push(route);
        if (route.startsWith("POST")) {
          return {
            status: 200,
            headers: {},
            data: {
              data: {
                viewer: { login: "me" },
                repository: { f0: { text: "a", isTruncated: false }, f1: null },
              },
              errors: [{ path: ["repository", "f1"], message: "Something went wrong" }],
            },
          };
        }
        return { status: 200, headers: {}, data: `rest:${String(params?.path)}` };
      },
    };
    const answer = await readFilesAtRef(client, {
      owner: "acme",
      repo: "shop",
      ref: BASE,
      paths: ["a", "b"],
      graphqlUrl: "",
    });
    expect(answer.files).toEqual(
      new Map([
        ["a", "a"],
        ["b", "rest:b"],
      ]),
    );
    expect(calls).toEqual(["POST /graphql", "GET /repos/{owner}/{repo}/contents/{path}"]);
  });

  it("works at GitHub Enterprise Server's URLs (/api/v3 and /api/graphql)", async () => {
    await s.sim.close();
    s = await start({ basePath: "/api/v3" });
    expect(await read(s.client, s.sim.graphqlUrl)).toEqual({
      files: EXPECTED,
      viewerLogin: "github-actions[bot]",
    });
    expect(s.sim.requests.map((r) => r.urlPath)).toEqual(["/api/graphql"]);
  });

  it("names a person's token by its user", async () => {
    await s.sim.close();
    s = await start({ tokens: { ghp_alice: { login: "alice", type: "User" } } });
    const answer = await read(s.clientFor("ghp_alice"), s.sim.graphqlUrl);
    expect(answer.viewerLogin).toBe("alice");
  });
});
