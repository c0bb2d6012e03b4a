// GitHub misbehaving: rate limits, lost answers, racing runs, a head that moved on.
import { secondaryRateLimit, serverError } from "../../github-simulator/index.js";
import { BASE_SHA, NEXT_HEAD_SHA, useShop } from "../shop-scenario.js";

export function describeFaults(): void {
  describe("faults", () => {
    const t = useShop();
    const comments = () => t.sim.state.commentsOn("acme", "shop", 7);

    it("waits out a secondary rate limit (retry-after) and then succeeds", async () => {
      const fault = t.sim.fail(
        secondaryRateLimit({ method: "POST", path: /\/issues\/7\/comments$/ }, 1),
      );
      const run = await t.shop.run();
      expect(fault.hits).toBe(1);
      expect(run.stdout).toMatch(
        /secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments; retry 1 in 1 s/,
      );
      expect(comments()).toHaveLength(1);
      expect(run.ms).toBeGreaterThanOrEqual(1000);
    });

    it("rides out a 502 on a read", async () => {
      t.sim.fail({ ...serverError(502), method: "GET", path: /\/pulls\/7\/files$/ });
      const run = await t.shop.run();
      expect(run.outputs.conclusion).toBe("failure");
      expect(comments()).toHaveLength(1);
    });

    it("leaves one comment after a 502 on a create that went through", async () => {
      t.sim.fail({
        ...serverError(502),
        method: "POST",
        path: /\/issues\/7\/comments$/,
        afterWrite: true,
      });
      const run = await t.shop.run();
      expect(run.stderr).toBe("");
      expect(comments()).toHaveLength(1);
      expect(run.stdout).toContain("shipgate: comment created");
    });

    it("reads the base commit's files through the contents API when GraphQL fails", async () => {
      const fault = t.sim.fail({ method: "POST", path: "/graphql", status: 502, times: Infinity });
      t.sim.state.setFile(
        "acme",
        "shop",
        BASE_SHA,
        ".gitattributes",
        "src/cart.ts linguist-generated\n",
      );
      const run = await t.shop.run();
      // The config at the base still applies, and the attributes exclude the generated file.
      expect(run.outputs["changed-lines"]).toBe("0");
      expect(fault.hits).toBeGreaterThanOrEqual(1);
      expect(
        t.sim.requests.filter((r) => r.template === "/repos/{owner}/{repo}/contents/{path}"),
      ).toHaveLength(3);
      expect(run.stderr).toBe("");
      fault.cancel();
    });

    it("two concurrent runs end with one comment", async () => {
      await Promise.all([t.shop.run(), t.shop.run()]);
      expect(comments()).toHaveLength(1);
    });

    it("a verdict for an older head writes nothing", async () => {
      const stalePayload = t.shop.payload();
      t.shop.push(NEXT_HEAD_SHA);
      const run = await t.shop.run({ payload: stalePayload });
      expect(run.stdout).toContain(
        "shipgate: not publishing: this verdict is for 2222222, but the pull request is now at 3333333",
      );
      expect(t.sim.writes()).toEqual([]);
      expect(run.summary).toContain("shipgate: not ready to ship");
      expect(run.code).toBe(1);
    });

    it("keeps the report and the exit code when publishing fails for another reason", async () => {
      t.sim.fail({
        ...serverError(500),
        method: "POST",
        path: /\/issues\/7\/comments$/,
        times: 10,
      });
      const run = await t.shop.run();
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("::warning::shipgate: could not publish to the pull request");
      expect(run.summary).toContain("shipgate: not ready to ship");
    });
  });
}
