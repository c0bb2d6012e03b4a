// Issue 8, item 6: an API that accepts connections but never answers must not hold the Action's
// job. The bundled action runs as a process against a hostile front for the simulator; each case
// asserts the named error, the failing exit, and that the run ended within its configured bound.
import { useShop } from "../action/shop-scenario.js";
import {
  errorLines,
  expectNoCrash,
  runThrough,
  startHostileApi,
  type HostileApi,
  type Rule,
} from "./action-attack-kit.js";

const TIMEOUT = 60_000;

describe("the Action against a GitHub API that does not answer", () => {
  const t = useShop();
  let api: HostileApi | undefined;
  const front = async (rules: Rule[]) => (api = await startHostileApi(t.sim.url, rules));
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it(
    "stops at the `timeout` deadline when nothing answers, with an error naming it",
    async () => {
      await front([{ path: /./, does: { kind: "hang" } }]);
      const run = await runThrough(t.shop, api!, { timeout: "3" });
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        expect.stringMatching(
          /^::error::shipgate: stopped after 3 s, the limit the `timeout` input sets: the run did not finish in time \(is the GitHub API at http:\/\/127\.0\.0\.1:\d+ slow or not answering\?\)/,
        ),
      ]);
      // 3 s, plus starting node; generous for a shared machine.
      expect(run.ms).toBeLessThan(10_000);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it(
    "gives up on a read after `request-timeout` and its retries, naming the request",
    async () => {
      await front([{ path: /./, does: { kind: "hang" } }]);
      const run = await runThrough(t.shop, api!, { "request-timeout": "0.5", timeout: "60" });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("shipgate: no answer in time on GET ");
      expect(errorLines(run)).toEqual([
        expect.stringMatching(
          /^::error::shipgate: GitHub did not answer GET \/repos\/\{owner\}\/\{repo\}\/.+ within 0\.5 s, the limit the `request-timeout` input sets/,
        ),
      ]);
      // Four attempts of 0.5 s and waits of 1 + 2 + 4 s: about 9 s, far below the 60 s deadline.
      expect(run.ms).toBeLessThan(25_000);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it(
    "times out an answer whose body never ends",
    async () => {
      await front([{ method: "GET", path: /\/pulls\/7\/files$/, does: { kind: "stall-body" } }]);
      const run = await runThrough(t.shop, api!, { "request-timeout": "0.5", timeout: "60" });
      expect(run.code).toBe(1);
      expect(errorLines(run)).toEqual([
        expect.stringContaining(
          "::error::shipgate: GitHub did not answer GET /repos/{owner}/{repo}/pulls/{pull_number}/files within 0.5 s",
        ),
      ]);
      expect(run.ms).toBeLessThan(25_000);
      expectNoCrash(run);
    },
    TIMEOUT,
  );

  it(
    "fails on a write that never answers, after reporting the verdict",
    async () => {
      await front([{ method: "POST", path: /\/issues\/7\/comments$/, does: { kind: "hang" } }]);
      const run = await runThrough(t.shop, api!, { "request-timeout": "1", timeout: "60" });
      expect(run.code).toBe(1);
      expect(run.summary).toContain("shipgate: not ready to ship");
      expect(errorLines(run)).toContainEqual(
        expect.stringContaining(
          "::error::shipgate: GitHub did not answer POST /repos/{owner}/{repo}/issues/{issue_number}/comments within 1 s",
        ),
      );
      expect(run.ms).toBeLessThan(15_000);
      expectNoCrash(run);
    },
    TIMEOUT,
  );
});
