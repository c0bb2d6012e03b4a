// How many requests a 30-file pull request costs: the first run, and an unchanged re-run. The
// issue's budget: at most 6 reads on a first run, no writes on an unchanged re-run.
import {
  createSimulator,
  type RequestRecord,
  type Simulator,
} from "../../github-simulator/index.js";
import { addedLines, createShop, lcov } from "../shop-scenario.js";

const GRAPHQL = "POST /graphql";
const describeRequests = (requests: RequestRecord[]) => ({
  reads: requests
    .filter((r) => r.kind === "read")
    .map((r) => (r.method === "GET" ? `GET ${r.template}` : GRAPHQL))
    .sort(),
  writes: requests
    .filter((r) => r.kind === "write" && r.applied)
    .map((r) => `${r.method} ${r.template}`),
});

export function describeRequestBudget(): void {
  describe("request budget, 30-file pull request", () => {
    let sim: Simulator;
    beforeAll(async () => {
      sim = await createSimulator();
    });
    afterAll(async () => {
      await sim.close();
      expect(sim.violations).toEqual([]);
    });

    it("first run: 7 reads, 2 writes; unchanged re-run: 5 reads, 0 writes", async () => {
      const files = Array.from({ length: 30 }, (_, i) => addedLines(`src/f${i}.ts`, 3));
      const shop = await createShop(sim, { files });
      await shop.writeCoverage(
        files.map((f) => lcov(f.filename, 3, f.filename === "src/f0.ts" ? 0 : 3)).join(""),
      );

      await shop.run();
      const first = describeRequests(sim.requests);
      const before = sim.requests.length;
      await shop.run();
      const again = describeRequests(sim.requests.slice(before));

      // .gitattributes, the config and the template at the base commit, and the token's login:
      // one GraphQL query. The workspace is no git checkout, so the head's file list (for
      // mapping coverage paths) is one tree read.
      const gather = [
        GRAPHQL,
        "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
        "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
      ];
      const listComments = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
      const listReviewComments = "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments";
      expect(first.reads).toEqual(
        [
          ...gather,
          listComments,
          // The head-SHA guard before the first write.
          "GET /repos/{owner}/{repo}/pulls/{pull_number}",
          // After creating: did a concurrent run create one too?
          listComments,
          listReviewComments,
        ].sort(),
      );
      expect(first.writes).toEqual([
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      ]);
      expect(again.reads).toEqual([...gather, listComments, listReviewComments].sort());
      expect(again.writes).toEqual([]);
    });
  });
}
