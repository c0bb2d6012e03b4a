import { readItemContent } from "../../../../shared/core/rules/rollout-notes/read-item-content.js";

describe("readItemContent", () => {
  it.each([
    ["", { kind: "label" }],
    [": ", { kind: "label" }],
    [" — ...", { kind: "label" }],
    [": TODO", { kind: "placeholder" }],
    [": tbd?", { kind: "placeholder" }],
    [": revert the deploy", { kind: "content" }],
    [": no schema change, just revert", { kind: "content" }],
    [": N/A", { kind: "not-applicable", reason: false }],
    [": n/a: docs only", { kind: "not-applicable", reason: true }],
    [": N.A. - docs only", { kind: "not-applicable", reason: true }],
    [": NA (read-only)", { kind: "not-applicable", reason: true }],
    [": not applicable, TODO", { kind: "not-applicable", reason: false }],
    [": none", { kind: "not-applicable", reason: false }],
    [": No.", { kind: "not-applicable", reason: false }],
    [": navigation dashboards", { kind: "content" }],
  ])("%j is %j", (text, expected) => {
    expect(readItemContent(text)).toEqual(expected);
  });
});
