// GitHub Enterprise Server: the REST API under /api/v3 and GraphQL at /api/graphql. Nothing may
// assume api.github.com or a /graphql next to the REST paths.
import { createSimulator, type Simulator } from "../../github-simulator/index.js";
import { createShop, lcov } from "../shop-scenario.js";

export function describeEnterpriseServer(): void {
  describe("GitHub Enterprise Server URLs", () => {
    let sim: Simulator;
    beforeEach(async () => {
      sim = await createSimulator({ basePath: "/api/v3" });
    });
    afterEach(async () => {
      await sim.close();
      expect(sim.violations).toEqual([]);
    });

    it.each([
      ["GITHUB_GRAPHQL_URL set", (s: Simulator) => s.graphqlUrl],
      ["GITHUB_GRAPHQL_URL derived from GITHUB_API_URL", () => ""],
    ])("publishes with %s", async (_name, graphqlUrl) => {
      const shop = await createShop(sim);
      await shop.writeCoverage(lcov("src/cart.ts", 10, 5));
      expect(sim.url).toMatch(/\/api\/v3$/);

      const first = await shop.run({ graphqlUrl: graphqlUrl(sim) });
      const before = sim.requests.length;
      const again = await shop.run({ graphqlUrl: graphqlUrl(sim) });

      expect(first.stderr).toBe("");
      expect(first.outputs.conclusion).toBe("failure");
      expect(sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
      expect(sim.state.reviewComments).toHaveLength(1);
      expect(again.stdout).toContain("shipgate: comment unchanged");
      const urlPaths = sim.requests.map((r) => r.urlPath);
      expect(urlPaths.filter((p) => p === "/api/graphql")).toHaveLength(2);
      expect(urlPaths.every((p) => p === "/api/graphql" || p.startsWith("/api/v3/"))).toBe(true);
      expect(sim.requests.slice(before).filter((r) => r.kind === "write")).toEqual([]);
    });
  });
}
