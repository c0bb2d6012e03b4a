// Which events run, which are refused, and untrusted text that must not become a command.

import { examplePayload } from "../payloads.js";
import { runBundledAction, workflowCommands } from "../run-bundled-action.js";
import { addedLines, createShop, lcov, useSimulator } from "../shop-scenario.js";

export function describeEvents(): void {
  describe("events and inputs", () => {
    const t = useSimulator();

    it("refuses an unsupported event, naming the supported ones", async () => {
      const run = await runBundledAction({
        apiUrl: t.sim.url,
        event: "push",
        payload: { ref: "refs/heads/main" },
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        "::error::shipgate: the push event is not supported; run shipgate on pull_request, pull_request_target, merge_group, workflow_run",
      );
    });

    it("refuses invalid inputs, all at once", async () => {
      const shop = await createShop(t.sim);
      const run = await shop.run({ inputs: { comment: "loud", "fail-on": "sometimes" } });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('input `comment` is "loud"; use one of: auto, always, never');
      expect(run.stdout).toContain("input `fail-on`");
      expect(t.sim.requests).toEqual([]);
    });

    it("passes a merge group with a note, so the required check reports", async () => {
      const run = await runBundledAction({
        apiUrl: t.sim.url,
        event: "merge_group",
        payload: examplePayload("merge_group", "checks_requested"),
      });
      expect(run.code).toBe(0);
      expect(run.outputs.conclusion).toBe("success");
      expect(run.summary).toContain("merge group");
      expect(t.sim.requests).toEqual([]);
    });

    it("skips pull_request activity it does not evaluate", async () => {
      const shop = await createShop(t.sim);
      const run = await shop.run({ payload: shop.payload({ action: "closed" }) });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("pull_request.closed is not evaluated");
      expect(t.sim.requests).toEqual([]);
    });

    it("evaluates pull_request_target like pull_request", async () => {
      const shop = await createShop(t.sim);
      await shop.writeCoverage(lcov("src/cart.ts", 10, 10));
      const run = await shop.run({ event: "pull_request_target" });
      expect(run.code).toBe(0);
      expect(run.outputs.conclusion).toBe("success");
    });

    it("never lets a file name or title become a workflow command", async () => {
      const shop = await createShop(t.sim, {
        title: "::error::owned",
        files: [addedLines("::add-mask::x.ts", 10), addedLines("src/::stop-commands::t.ts", 3)],
      });
      await shop.writeCoverage(lcov("::add-mask::x.ts", 10, 0));
      const run = await shop.run();
      const commands = run.stdout.split("\n").filter((line) => /^\s*::/.test(line));
      expect(commands.length).toBeGreaterThan(0);
      for (const line of commands) expect(line).toMatch(/^::(error|warning|notice)( |::shipgate)/);
      expect(run.stdout).not.toMatch(/^::(add-mask|stop-commands)/m);
      expect(workflowCommands(run.stdout, "error")).toContainEqual(
        expect.stringContaining("file=%3A%3Aadd-mask%3A%3Ax.ts"),
      );
    });
  });
}
