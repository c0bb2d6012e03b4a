// Issue 8, item 7 (answers): a 200 that is a proxy's HTML page, broken JSON or the wrong shape
// must end the bundled Action with one `::error::` naming the request and what was wrong: no
// stack trace, no TypeError, no "the pull request is now at ;", and nothing written on a guess.
import { useShop } from "../action/shop-scenario.js";
import {
  errorLines,
  expectNoCrash,
  html,
  json,
  runThrough,
  startHostileApi,
  type HostileApi,
  type Misbehaviour,
  type Rule,
} from "./action-attack-kit.js";

const TIMEOUT = 30_000;
const FILES = /\/pulls\/7\/files$/;
const PULL = /\/pulls\/7$/;

describe("the Action against answers that are not what GitHub sends", () => {
  const t = useShop();
  let api: HostileApi | undefined;
  const front = async (rules: Rule[]) => (api = await startHostileApi(t.sim.url, rules));
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it.each<[string, Misbehaviour, string]>([
    ["an HTML page", html(), "HTTP 200 with a body that is not JSON (text/html)"],
    [
      "truncated JSON",
      json('[{"filename": "src/cart.ts", "status": '),
      "HTTP 200 with a body that is not JSON (application/json)",
    ],
    [
      "an object instead of a list",
      json('{"message": "ok"}'),
      "Invalid input: expected array, received object",
    ],
    [
      "an entry with a wrong field",
      json('[{"filename": "src/cart.ts", "status": "added", "additions": "ten", "deletions": 0}]'),
      "0.additions: Invalid input: expected number, received string",
    ],
  ])(
    "the changed files as %s",
    async (_name, does, problem) => {
      await front([{ method: "GET", path: FILES, does }]);
      const run = await runThrough(t.shop, api!);
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        `::error::shipgate: GitHub's answer to GET /repos/{owner}/{repo}/pulls/{pull_number}/files is not a page of the pull request's files: ${problem}`,
      ]);
      expect(t.sim.writes()).toEqual([]);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it.each<[string, Misbehaviour, string]>([
    ["an HTML page", html(), "HTTP 200 with a body that is not JSON (text/html)"],
    [
      "JSON without a head",
      json('{"number": 7}'),
      "head: Invalid input: expected object, received undefined",
    ],
    [
      "a head that is no commit",
      json('{"number": 7, "head": {"sha": ""}}'),
      "head.sha: expected a commit SHA (40 hex digits)",
    ],
  ])(
    "the head re-read before writing as %s: fails and writes nothing",
    async (_name, does, problem) => {
      await front([{ method: "GET", path: PULL, does }]);
      const run = await runThrough(t.shop, api!);
      expect(run.code).toBe(1);
      expect(run.summary).toContain("shipgate: not ready to ship");
      expect(errorLines(run)).toEqual([
        expect.stringContaining(
          `::error::shipgate: GitHub's answer to GET /repos/{owner}/{repo}/pulls/{pull_number} is not a pull request with a head: ${problem}`,
        ),
      ]);
      expect(run.stdout).not.toContain("the pull request is now at");
      expect(t.sim.writes()).toEqual([]);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it(
    "the config read as an HTML page (GraphQL down too) is an error, not the config",
    async () => {
      await front([
        { method: "POST", path: /\/graphql$/, does: html(502) },
        { method: "GET", path: /\/contents\//, does: html() },
      ]);
      const run = await runThrough(t.shop, api!);
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        expect.stringMatching(
          /^::error::shipgate: GitHub's answer to GET \/repos\/\{owner\}\/\{repo\}\/contents\/\{path\} \(.+\) is an HTML page, not the file's content$/,
        ),
      ]);
      expect(run.stdout).not.toContain("invalid configuration");
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it(
    "a GraphQL answer of the wrong shape falls back to the contents API",
    async () => {
      await front([{ method: "POST", path: /\/graphql$/, does: json('{"errors": "nope"}') }]);
      const run = await runThrough(t.shop, api!);
      // The run goes on as usual: the config at the base applies (coverage 50% < 80%).
      expect(run.outputs.conclusion).toBe("failure");
      expect(run.outputs["patch-coverage"]).toBe("50");
      expect(api!.seen.filter((r) => r.includes("/contents/"))).toHaveLength(3);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it(
    "the sticky comment list as an object: fails naming the route, writes nothing",
    async () => {
      await front([{ method: "GET", path: /\/issues\/7\/comments$/, does: json("{}") }]);
      const run = await runThrough(t.shop, api!);
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        "::error::shipgate: GitHub's answer to GET /repos/{owner}/{repo}/issues/{issue_number}/comments is not a page of a list: Invalid input: expected array, received object",
      ]);
      expect(t.sim.writes()).toEqual([]);
      expectNoCrash(run);
    },
    TIMEOUT,
  );
});
