import { MAX_RISK_REFERENCES } from "../../../../shared/core/rules/linked-risks/find-risk-references.js";
import { orderDependencies } from "../../../../shared/core/rules/dependencies/order-dependencies.js";

const needs = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe("orderDependencies", () => {
  it.each([
    ["no edges: the description's order", ["a#1", "a#2", "a#3"], {}, ["a#1", "a#2", "a#3"]],
    ["a#1 needs a#2: a#2 first", ["a#1", "a#2"], { "a#1": ["a#2"] }, ["a#2", "a#1"]],
    [
      "a chain a#1 → a#2 → a#3",
      ["a#1", "a#2", "a#3"],
      { "a#1": ["a#2"], "a#2": ["a#3"] },
      ["a#3", "a#2", "a#1"],
    ],
    ["needs outside the list are beyond the bound", ["a#1"], { "a#1": ["x#9"] }, ["a#1"]],
    ["references compare ignoring case", ["A#1", "a#2"], { "a#1": ["A#2"] }, ["a#2", "A#1"]],
  ])("%s", (_case, deps, edges, order) => {
    expect(orderDependencies("a#7", deps, needs(edges))).toEqual({ order, cycle: null });
  });

  it("finds A needs B needs A, starting from this pull request", () => {
    expect(orderDependencies("a#7", ["a#8"], needs({ "a#8": ["a#7"] })).cycle).toEqual([
      "a#7",
      "a#8",
      "a#7",
    ]);
  });

  it("finds a cycle among the dependencies themselves, and still orders every one", () => {
    const result = orderDependencies(
      "a#7",
      ["a#1", "a#2", "a#3"],
      needs({ "a#1": ["a#2"], "a#2": ["a#1"] }),
    );
    expect(result.cycle).toEqual(["a#1", "a#2", "a#1"]);
    expect([...result.order].sort()).toEqual(["a#1", "a#2", "a#3"]);
  });

  it("finds a three-step cycle when each step is a named dependency", () => {
    const result = orderDependencies(
      "a#7",
      ["a#1", "a#2"],
      needs({ "a#1": ["a#2"], "a#2": ["a#7"] }),
    );
    expect(result.cycle).toEqual(["a#7", "a#1", "a#2", "a#7"]);
  });

  it("calls a pull request that names itself a cycle of one", () => {
    expect(orderDependencies("a#7", ["a#7"], needs({})).cycle).toEqual(["a#7", "a#7"]);
  });

  it("without knowing this pull request's number, still finds cycles among its dependencies", () => {
    expect(
      orderDependencies(null, ["a#1", "a#2"], needs({ "a#1": ["a#2"], "a#2": ["a#1"] })).cycle,
    ).toEqual(["a#1", "a#2", "a#1"]);
  });

  it("orders the longest list the description can give, a chain, last first", () => {
    const deps = Array.from({ length: MAX_RISK_REFERENCES }, (_, i) => `a#${i + 1}`);
    const edges = needs(
      Object.fromEntries(deps.slice(0, -1).map((d, i) => [d, [deps[i + 1] as string]])),
    );
    const result = orderDependencies("a#0", deps, edges);
    expect(result.cycle).toBeNull();
    expect(result.order).toEqual([...deps].reverse());
  });
});
