// The config comes from the base commit: an invalid one is a failing result with line and column,
// and a change inside the pull request is reported, never applied.

import { workflowCommands } from "../run-bundled-action.js";
import {
  addedLines,
  BASE_CONFIG,
  CONFIG_PATH,
  createShop,
  HEAD_SHA,
  lcov,
  useSimulator,
} from "../shop-scenario.js";

export function describeConfigAtBase(): void {
  describe("the config at the base commit", () => {
    const t = useSimulator();

    it("an invalid config fails with line and column in the summary, comment and annotations", async () => {
      const shop = await createShop(t.sim, {
        baseConfig: "rules:\n  size:\n    max-lines: lots\n",
      });
      const run = await shop.run();

      expect(run.code).toBe(1);
      expect(run.stderr).toBe("");
      expect(run.stdout).not.toMatch(/at .*dist\/index\.js/);
      expect(run.outputs.conclusion).toBe("failure");
      expect(workflowCommands(run.stdout, "error")).toContainEqual(
        expect.stringMatching(
          /^::error file=\.github\/shipgate\.yml,line=3,col=16,title=shipgate%3A invalid configuration::rules\.size\.max-lines: /,
        ),
      );
      expect(run.summary).toContain("`.github/shipgate.yml:3:16`");
      const comment = t.sim.state.commentsOn("acme", "shop", 7)[0]?.body ?? "";
      expect(comment).toContain("`.github/shipgate.yml:3:16` `rules.size.max-lines`");
    });

    it("a config loosened inside the pull request is reported, not applied", async () => {
      const loosened = BASE_CONFIG.replace("min-patch: 80", "min-patch: 0");
      const shop = await createShop(t.sim, {
        files: [
          addedLines("src/cart.ts", 10),
          { filename: CONFIG_PATH, patch: "@@ -7 +7 @@\n-    min-patch: 80\n+    min-patch: 0" },
        ],
      });
      t.sim.state.setFile("acme", "shop", HEAD_SHA, CONFIG_PATH, loosened);
      await shop.writeCoverage(lcov("src/cart.ts", 10, 0));

      const run = await shop.run();

      expect(run.code).toBe(1);
      expect(run.outputs.conclusion).toBe("failure");
      const comment = t.sim.state.commentsOn("acme", "shop", 7)[0]?.body ?? "";
      expect(comment).toContain("not applied");
      expect(
        t.sim.requests
          .filter((r) => r.path.includes("/contents/"))
          .every((r) => r.query.ref !== HEAD_SHA),
      ).toBe(true);
    });

    it("no config at the base commit means the defaults", async () => {
      const shop = await createShop(t.sim, { baseConfig: null });
      const run = await shop.run();
      expect(run.stderr).toBe("");
      expect(run.outputs.conclusion).toMatch(/^(success|failure|neutral)$/);
      expect(run.summary).toContain("rollout-notes");
    });

    it("reads the config from the `config` input's path", async () => {
      const shop = await createShop(t.sim, { baseConfig: null });
      t.sim.state.setFile(
        "acme",
        "shop",
        "1".repeat(40),
        "ci/gate.yml",
        "rules:\n  size:\n    max-lines: 5\n    max-files: 1\n",
      );
      const run = await shop.run({ inputs: { config: "ci/gate.yml" } });
      expect(run.summary).toMatch(/size[^\n]*fail/);
    });
  });
}
