// Attack: rollout notes that say nothing a reader can see. Empty links and images counted as
// words, and `[x](javascript:alert(1))` addressed Monitoring through "alert" in its target: both
// passed. Only visible text counts now.
import type { TestRepo } from "../cli/make-git-repo.js";
import { makeCheckRepo, ruleOf, runCheck } from "./core-cli-kit.js";

let repo: TestRepo;
beforeAll(() => {
  repo = makeCheckRepo("rules:\n  coverage: { missing-report: skip }\n");
}, 60_000);
afterAll(() => repo?.remove());

describe("rollout notes with nothing visible, through the CLI process", () => {
  it.each([
    [
      "empty links and images",
      "## Rollout\n[](https://example.com/rollback-revert-plan) [](https://example.com/monitoring-dashboards)\n![](https://example.com/alerts.png) ![](https://example.com/metrics.png)\nRollback: [](https://example.com/revert)\nMonitoring: [](https://example.com/dashboards)\n",
      /missing Rollback, Monitoring/,
    ],
    [
      "a javascript: link whose target names an item",
      "## Rollout\nRollback: revert the deploy from the release page, then run the down migration.\n[x](javascript:alert(1))\n",
      /missing Monitoring/,
    ],
    [
      "a reference definition and an image tag",
      '## Rollout\nRollback: revert the deploy from the release page, then run the down migration.\n[dash]: https://example.com/monitoring/alerts\n<img src="https://example.com/alerts.png" alt="monitoring dashboards">\n',
      /missing Monitoring/,
    ],
  ])("fails %s", (_name, body, summary) => {
    const run = runCheck(repo, body);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: "" });
    expect(ruleOf(run, "rollout-notes")).toMatchObject({ status: "fail" });
    expect(ruleOf(run, "rollout-notes").summary).toMatch(summary);
  });

  it("passes the same notes written as visible links", () => {
    const body =
      "## Rollout\nRollback: [revert the deploy](https://example.com/runbook) from the release page.\nMonitoring: the [checkout dashboard](https://example.com/d) for an hour.\n";
    const run = runCheck(repo, body);
    expect(ruleOf(run, "rollout-notes")).toMatchObject({ status: "pass" });
  });
});
