// First run, re-run, a push that fixes coverage: the sticky comment, one review, zero writes
// when nothing changed.
import { readFile } from "node:fs/promises";
import { COMMENT_MARKER } from "../../../shared/core/render/render-comment.js";

import { workflowCommands } from "../run-bundled-action.js";
import { lcov, NEXT_HEAD_SHA, useShop } from "../shop-scenario.js";

export function describeBasicRuns(): void {
  describe("a pull request with uncovered lines", () => {
    const t = useShop();

    it("first run: fails the job, creates the comment and one review, writes summary and outputs", async () => {
      const run = await t.shop.run();

      expect(run.stderr).toBe("");
      expect(run.code).toBe(1);
      expect(workflowCommands(run.stdout, "error")).toContainEqual(
        expect.stringMatching(/^::error::shipgate: Not ready to ship: coverage failed$/),
      );
      const comments = t.sim.state.commentsOn("acme", "shop", 7);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body.startsWith(COMMENT_MARKER)).toBe(true);
      expect(comments[0]?.body).toContain("coverage");
      expect(t.sim.state.reviews).toHaveLength(1);
      expect(t.sim.state.reviewComments.map((c) => [c.path, c.startLine, c.line])).toEqual([
        ["src/cart.ts", 6, 10],
      ]);
      expect(run.summary).toContain("shipgate: not ready to ship");
      expect(run.outputs).toEqual({
        conclusion: "failure",
        report: expect.stringMatching(/shipgate\/report\.json$/),
        "patch-coverage": "50",
        "changed-lines": "10",
        "size-label": "size/XS",
      });
      const report = JSON.parse(await readFile(run.outputs.report ?? "", "utf8"));
      expect(report).toMatchObject({ version: 1, conclusion: "failure" });
      expect(workflowCommands(run.stdout, "error")).toContainEqual(
        expect.stringMatching(/^::error file=src\/cart\.ts,line=6,endLine=10,/),
      );
    });

    it("an unchanged re-run makes zero writes", async () => {
      await t.shop.run();
      const before = t.sim.requests.length;
      const run = await t.shop.run();

      expect(run.code).toBe(1);
      const second = t.sim.requests.slice(before);
      expect(second.filter((r) => r.kind === "write" && r.applied)).toEqual([]);
      expect(second.filter((r) => r.kind === "read").length).toBeLessThanOrEqual(6);
      expect(run.stdout).toContain("shipgate: comment unchanged");
    });

    it("a push that fixes coverage updates the comment and posts no new inline comments", async () => {
      await t.shop.run();
      const commentId = t.sim.state.commentsOn("acme", "shop", 7)[0]?.id;
      t.shop.push(NEXT_HEAD_SHA);
      await t.shop.writeCoverage(lcov("src/cart.ts", 10, 10));

      const run = await t.shop.run({ payload: t.shop.payload({ action: "synchronize" }) });

      expect(run.code).toBe(0);
      expect(run.outputs.conclusion).toBe("success");
      const comments = t.sim.state.commentsOn("acme", "shop", 7);
      expect(comments.map((c) => c.id)).toEqual([commentId]);
      expect(comments[0]?.body).toContain("ready to ship");
      expect(t.sim.state.reviews).toHaveLength(1);
      expect(t.sim.state.reviewComments).toHaveLength(1);
    });

    it("a passing pull request gets no comment with comment: auto", async () => {
      await t.shop.writeCoverage(lcov("src/cart.ts", 10, 10));
      const run = await t.shop.run();
      expect(run.code).toBe(0);
      expect(t.sim.state.commentsOn("acme", "shop", 7)).toEqual([]);
      expect(t.sim.writes()).toEqual([]);
    });

    it.each([
      ["always", 1],
      ["never", 0],
    ])("comment: %s on a passing pull request leaves %i comments", async (comment, count) => {
      await t.shop.writeCoverage(lcov("src/cart.ts", 10, 10));
      await t.shop.run({ inputs: { comment } });
      expect(t.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(count);
    });

    it("review-comments: false posts no review", async () => {
      await t.shop.run({ inputs: { "review-comments": "false" } });
      expect(t.sim.state.reviews).toEqual([]);
      expect(t.sim.state.commentsOn("acme", "shop", 7)).toHaveLength(1);
    });

    it.each([
      ["never", 0],
      ["warning", 1],
    ])("fail-on: %s exits %i on a failing gate", async (failOn, code) => {
      const run = await t.shop.run({ inputs: { "fail-on": failOn } });
      expect(run.code).toBe(code);
      expect(run.outputs.conclusion).toBe("failure");
    });

    it("reads coverage from the `coverage` input's globs", async () => {
      await t.shop.writeCoverage("");
      const { mkdir, writeFile } = await import("node:fs/promises");
      await mkdir(`${t.shop.workspace}/out/unit`, { recursive: true });
      await writeFile(`${t.shop.workspace}/out/unit/lcov.info`, lcov("src/cart.ts", 10, 10));
      const run = await t.shop.run({ inputs: { coverage: "out/*/lcov.info" } });
      expect(run.outputs["patch-coverage"]).toBe("100");
    });
  });
}
