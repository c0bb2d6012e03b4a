import type { RolloutItem } from "../../../../shared/core/config/config-schema.js";
import {
  checkRolloutItems,
  type ItemState,
} from "../../../../shared/core/rules/rollout-notes/check-rollout-items.js";

const check = (
  text: string,
  item: RolloutItem,
  { allowNa = true, template = [] as string[] } = {},
) => {
  const lines = text
    .split("\n")
    .map((line) => ({ text: line, fromTemplate: template.includes(line) }));
  const [result] = checkRolloutItems(lines, [item], allowNa);
  return result;
};

describe("checkRolloutItems", () => {
  it.each<[string, RolloutItem, ItemState]>([
    ["Rollback: revert the PR and redeploy", "rollback", "addressed"],
    ["- **Rollback:** revert", "rollback", "addressed"],
    ["We can roll back by redeploying v12", "rollback", "addressed"],
    ["To undo, run the down migration", "rollback", "addressed"],
    ["Monitoring: the checkout dashboard", "monitoring", "addressed"],
    ["Watch the p99 alerts in Grafana", "monitoring", "addressed"],
    ["SLO: 99.9% of checkouts succeed", "monitoring", "addressed"],
    ["Feature flag: new-checkout, off by default", "flag", "addressed"],
    ["Kill switch: set CHECKOUT_V2=0", "flag", "addressed"],
    ["Plan: staging, then everyone", "plan", "addressed"],
    ["Canary to 10% for an hour", "plan", "addressed"],
    ["Ship to 5 % of users first", "plan", "addressed"],
    ["- [x] Rollback tested on staging", "rollback", "addressed"],
    ["* [X] Monitoring", "monitoring", "addressed"],
    ["### Rollback\nRevert and redeploy.", "rollback", "addressed"],
    ["**Monitoring**\n\nWe watch the error rate in Grafana", "monitoring", "addressed"],
    ["Rollback:\n- revert the deploy", "rollback", "addressed"],
    ["Rollback: N/A: read-only change", "rollback", "not-applicable"],
    ["Feature flag: n/a - config only", "flag", "not-applicable"],
    ["Feature flag: Not applicable, docs only", "flag", "not-applicable"],
    ["Feature flag: N/A (no runtime code)", "flag", "not-applicable"],
    ["Feature flag:\nN/A: docs only", "flag", "not-applicable"],
  ])("%j addresses %s: %s", (text, item, state) => {
    expect(check(text, item)?.state).toBe(state);
  });

  it.each<[string, RolloutItem, string | null]>([
    ["", "rollback", null],
    ["We will deploy on Monday", "rollback", null],
    ["Rollback:", "rollback", "named, but nothing is written under it"],
    ["Rollback: TODO", "rollback", "left as a placeholder (TODO, TBD): describe it"],
    ["Rollback: TBD", "rollback", "left as a placeholder (TODO, TBD): describe it"],
    ["Rollback: ...", "rollback", "named, but nothing is written under it"],
    ["Rollback: <describe how to roll back>", "rollback", "named, but nothing is written under it"],
    ["- [ ] Rollback", "rollback", "named, but nothing is written under it"],
    ["Rollback: N/A", "rollback", "N/A needs a reason, e.g. `N/A: no schema change`"],
    ["Feature flag: none", "flag", "N/A needs a reason, e.g. `N/A: no schema change`"],
    ["### Rollback\n### Testing\nunit tests", "rollback", "named, but nothing is written under it"],
    ["Rollback:\nMonitoring: dashboards", "rollback", "named, but nothing is written under it"],
    ["Rollback plan: revert the deploy", "plan", null],
    ["Monitoring plan: dashboards", "plan", null],
  ])("%j does not address %s", (text, item, hint) => {
    expect(check(text, item)).toEqual({ item, state: "missing", hint });
  });

  it("refuses N/A when allow-na is off", () => {
    expect(check("Rollback: N/A: read-only change", "rollback", { allowNa: false })).toEqual({
      item: "rollback",
      state: "missing",
      hint: "N/A is not accepted here: describe it",
    });
  });

  it("ignores content copied from the template, but keeps its labels", () => {
    const template = ["Rollback: revert the last deploy", "Monitoring:"];
    expect(check("Rollback: revert the last deploy", "rollback", { template })).toMatchObject({
      state: "missing",
      hint: "the template's text is unchanged",
    });
    expect(check("Monitoring:\nWatch the checkout graphs", "monitoring", { template })?.state).toBe(
      "addressed",
    );
  });

  it("keeps the best state found for an item", () => {
    const lines = ["Rollback: TODO", "Rollback: revert", "Rollback: N/A"].map((text) => ({
      text,
      fromTemplate: false,
    }));
    expect(checkRolloutItems(lines, ["rollback"], true)).toEqual([
      { item: "rollback", state: "addressed", hint: null },
    ]);
  });

  it("reports every required item, in the order required", () => {
    const lines = [{ text: "Monitoring: dashboards", fromTemplate: false }];
    expect(checkRolloutItems(lines, ["rollback", "monitoring"], true).map((c) => c.state)).toEqual([
      "missing",
      "addressed",
    ]);
  });
});
