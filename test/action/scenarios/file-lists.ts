// Big and odd file lists: pages of 100, GitHub's 3,000-file cap, files the API sends no patch for.
import { type Simulator } from "../../github-simulator/index.js";
import { addedLines, createShop, lcov, useSimulator } from "../shop-scenario.js";

const filePages = (sim: Simulator) =>
  sim.requests.filter((r) => r.template === "/repos/{owner}/{repo}/pulls/{pull_number}/files");

export function describeFileLists(): void {
  describe("file lists", () => {
    const t = useSimulator();

    it("reads 250 files in 3 pages", async () => {
      const files = Array.from({ length: 250 }, (_, i) => addedLines(`docs/page-${i}.md`, 1));
      const shop = await createShop(t.sim, { files });
      const run = await shop.run({ inputs: { comment: "always" } });
      expect(filePages(t.sim).map((r) => r.query.page)).toEqual(["1", "2", "3"]);
      expect(run.outputs["changed-lines"]).toBe("250");
      expect(t.sim.state.commentsOn("acme", "shop", 7)[0]?.body).toContain("250");
    });

    it("at GitHub's 3,000-file cap, says the list is truncated and does not pass silently", async () => {
      const files = Array.from({ length: 3100 }, (_, i) => addedLines(`docs/page-${i}.md`, 1));
      const shop = await createShop(t.sim, { files });
      const run = await shop.run();
      expect(filePages(t.sim)).toHaveLength(30);
      expect(run.summary).toContain("3,000");
      const comment = t.sim.state.commentsOn("acme", "shop", 7)[0]?.body ?? "";
      expect(comment).toContain("3,000");
      // comment: auto creates the comment because of the note.
      expect(t.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
    });

    it("reports a file without a patch as not evaluated, never as zero changed lines", async () => {
      const shop = await createShop(t.sim, {
        files: [
          addedLines("src/cart.ts", 4),
          { filename: "db/huge-migration.sql", additions: 3, deletions: 0 },
        ],
      });
      await shop.writeCoverage(lcov("src/cart.ts", 4, 4));
      const run = await shop.run();
      expect(run.code).toBe(0);
      expect(run.outputs["changed-lines"]).toBe("7");
      const comment = t.sim.state.commentsOn("acme", "shop", 7)[0]?.body ?? "";
      expect(comment).toContain("1 not evaluated (no diff from GitHub)");
      expect(comment).toContain("huge-migration.sql");
    });
  });
}
