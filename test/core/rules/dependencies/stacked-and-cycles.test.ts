// The dependencies rule on stacked pull requests, cycles and the order of merging.
import { dependenciesRule } from "../../../../shared/core/rules/dependencies/dependencies.js";
import { dependenciesRuleSchema } from "../../../../shared/core/rules/dependencies/schema.js";
import type { LinkedItemFacts, StackFacts } from "../../../../shared/core/facts.js";
import { makeFacts, makeRuleContext } from "../../../builders/make-facts.js";

const openPr = (ref: string, body = ""): LinkedItemFacts => ({
  ref,
  exists: true,
  state: "open",
  pullRequest: true,
  merged: false,
  title: `PR ${ref}`,
  url: `https://github.com/${ref.replace("#", "/pull/")}`,
  body,
});
const run = (
  body: string,
  linkedItems: LinkedItemFacts[] | null,
  stack: StackFacts | null = null,
) =>
  dependenciesRule(
    makeFacts({
      number: 7,
      body,
      linkedItems,
      stack,
      base: { ref: stack?.base ?? "main", sha: "a".repeat(40) },
    }),
    dependenciesRuleSchema().parse({}),
    makeRuleContext(),
  );

describe("a stacked pull request", () => {
  const stack = (pullRequests: LinkedItemFacts[] | null): StackFacts => ({
    base: "cart-api",
    pullRequests,
  });

  it("depends on the open pull request whose head is its base branch", () => {
    const result = run("Adds the cart page", [], stack([openPr("acme/shop#5")]));
    expect(result.status).toBe("fail");
    expect(result.summary).toBe("1 dependency, 1 open");
    expect(result.details).toContain(
      "| [`acme/shop#5`](https://github.com/acme/shop/pull/5) (stacked on `cart-api`) | **open**: not merged yet |",
    );
    expect(result.details).toContain("This pull request is stacked on another");
    expect(result.metrics["dependencies"]).toEqual([
      { ref: "acme/shop#5", state: "open", stackedOn: "cart-api" },
    ]);
  });

  it("is one dependency when the description also names it", () => {
    const result = run("Depends on #5", [openPr("acme/shop#5")], stack([openPr("acme/shop#5")]));
    expect(result.metrics["dependencies"]).toEqual([
      { ref: "acme/shop#5", state: "open", stackedOn: "cart-api" },
    ]);
  });

  it("is not a dependency when no open pull request has the base as its head", () => {
    const result = run("Adds the cart page", [], stack([]));
    expect(result.status).toBe("pass");
    expect(result.summary).toBe("no dependencies declared");
  });

  it("is 'not verified' where only git was seen (the CLI), and only warns", () => {
    const result = run("Adds the cart page", null, stack(null));
    expect(result.status).toBe("warn");
    expect(result.summary).toBe("1 dependency, 1 not verified");
    expect(result.details).toContain(
      "| the pull request from `cart-api` (stacked) | not verified |",
    );
  });

  it("fails closed when GitHub could not be asked", () => {
    const result = run("Adds the cart page", [], stack(null));
    expect(result.status).toBe("fail");
    expect(result.summary).toBe("1 dependency, 1 unreadable");
  });
});

describe("cycles and the order of merging", () => {
  it("fails on A needs B needs A and names the cycle", () => {
    const result = run("Depends on #8", [openPr("acme/shop#8", "Depends on #7")]);
    expect(result.status).toBe("fail");
    expect(result.summary).toContain("a cycle: acme/shop#7 → acme/shop#8 → acme/shop#7");
    expect(result.details).toContain(
      "`acme/shop#7` → `acme/shop#8` → `acme/shop#7` wait for each other",
    );
    expect(result.metrics["cycle"]).toEqual(["acme/shop#7", "acme/shop#8", "acme/shop#7"]);
  });

  it("finds the cycle through the pull request this one is stacked on", () => {
    const result = run("", [], {
      base: "cart-api",
      pullRequests: [openPr("acme/shop#5", "Blocked by #7")],
    });
    expect(result.metrics["cycle"]).toEqual(["acme/shop#7", "acme/shop#5", "acme/shop#7"]);
  });

  it("reads a dependency's own references in its repository", () => {
    // other/lib#3 says "Depends on #7": that is other/lib#7, not this pull request.
    const result = run("Depends on other/lib#3", [openPr("other/lib#3", "Depends on #7")]);
    expect(result.metrics["cycle"]).toBeNull();
  });

  it("passes when everything merged, even listed out of order, and lists them in merge order", () => {
    const merged = (ref: string, body: string): LinkedItemFacts => ({
      ...openPr(ref, body),
      state: "closed",
      merged: true,
    });
    const result = run("Depends on #1, #2 and #3", [
      merged("acme/shop#1", "Depends on #3"),
      merged("acme/shop#2", ""),
      merged("acme/shop#3", "Requires #2"),
    ]);
    expect(result.status).toBe("pass");
    expect(result.details).toContain("In the order they must merge:");
    expect((result.metrics["dependencies"] as { ref: string }[]).map((d) => d.ref)).toEqual([
      "acme/shop#2",
      "acme/shop#3",
      "acme/shop#1",
    ]);
  });

  it("does not follow a dependency's references with keywords it does not use", () => {
    const result = run("Depends on #8", [openPr("acme/shop#8", "Fixes #7\n> Depends on #7")]);
    expect(result.metrics["cycle"]).toBeNull();
  });
});
