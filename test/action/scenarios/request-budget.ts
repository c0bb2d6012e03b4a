// How many requests a 30-file pull request costs: the first run, and an unchanged re-run.
import {
  createSimulator,
  type RequestRecord,
  type Simulator,
} from "../../github-simulator/index.js";
import { addedLines, createShop, lcov, violations } from "../shop-scenario.js";

const describeRequests = (requests: RequestRecord[]) => ({
  reads: requests.filter((r) => r.method === "GET").map((r) => r.template),
  graphql: requests.filter((r) => r.path.endsWith("/graphql")).length,
  writes: requests
    .filter((r) => r.method !== "GET" && r.applied)
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
      expect(violations(sim)).toEqual([]);
    });

    it("first run: 8 reads, 2 writes; unchanged re-run: 6 reads and a viewer lookup, 0 writes", async () => {
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

      expect(first.writes).toEqual([
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
      ]);
      expect(first.reads).toHaveLength(8);
      expect(first.graphql).toBe(0);
      expect(again.writes).toEqual([]);
      expect(again.reads.sort()).toEqual(
        [
          "/repos/{owner}/{repo}/pulls/{pull_number}/files",
          "/repos/{owner}/{repo}/contents/{path}",
          "/repos/{owner}/{repo}/contents/{path}",
          "/repos/{owner}/{repo}/contents/{path}",
          "/repos/{owner}/{repo}/issues/{issue_number}/comments",
          "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
        ].sort(),
      );
      expect(again.graphql).toBe(1);
    });
  });
}
