import { verifyLinkedItems } from "../../../../shared/core/rules/linked-risks/verify-linked-items.js";
import type { LinkedItemFacts } from "../../../../shared/core/types.js";

const item = (overrides: Partial<LinkedItemFacts>): LinkedItemFacts => ({
  ref: "a/b#1",
  exists: true,
  state: "open",
  labels: ["risk"],
  ...overrides,
});

describe("verifyLinkedItems", () => {
  it.each([
    ["nobody could look", null, null, "unverified"],
    ["the adapter did not report it", [], null, "unverified"],
    ["it exists and is open", [item({})], "risk", "ok"],
    ["it does not exist", [item({ exists: false })], "risk", "missing"],
    ["it is closed", [item({ state: "closed" })], null, "closed"],
    ["it lacks the label", [item({ labels: ["bug"] })], "risk", "unlabelled"],
    ["it has no labels at all", [item({ labels: undefined })], "risk", "unlabelled"],
    ["the ref differs in case", [item({ ref: "A/B#1" })], null, "ok"],
  ] as const)("%s: %s", (_case, linkedItems, label, status) => {
    const [check] = verifyLinkedItems(
      ["a/b#1"],
      linkedItems === null ? null : [...linkedItems],
      label,
    );
    expect(check?.status).toBe(status);
  });
});
