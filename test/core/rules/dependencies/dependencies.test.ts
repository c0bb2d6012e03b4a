import { dependenciesRule } from "../../../../shared/core/rules/dependencies/dependencies.js";
import { dependenciesDefinition } from "../../../../shared/core/rules/dependencies/definition.js";
import { findDependencies } from "../../../../shared/core/rules/dependencies/find-dependencies.js";
import { dependenciesRuleSchema } from "../../../../shared/core/rules/dependencies/schema.js";
import type { LinkedItemFacts } from "../../../../shared/core/types.js";
import { makeFacts, makeRuleContext } from "../../../builders/make-facts.js";

const KEYWORDS = dependenciesRuleSchema().parse({}).keywords;
const run = (body: string, linkedItems: LinkedItemFacts[] | null, overrides: object = {}) =>
  dependenciesRule(
    makeFacts({ number: 100, body, linkedItems }),
    dependenciesRuleSchema().parse(overrides),
    makeRuleContext(),
  );
const pr = (ref: string, state: "open" | "closed", merged: boolean): LinkedItemFacts => ({
  ref,
  exists: true,
  state,
  pullRequest: true,
  merged,
  title: `PR ${ref}`,
  url: `https://github.com/${ref.replace("#", "/pull/")}`,
});
const issue = (ref: string, state: "open" | "closed", stateReason: string | null = null) => ({
  ref,
  exists: true,
  state,
  pullRequest: false,
  stateReason,
});

describe("findDependencies", () => {
  it.each([
    ["Depends on #12", ["acme/shop#12"]],
    ["blocked BY other/repo#34", ["other/repo#34"]],
    ["Requires https://github.com/o/r/pull/56", ["o/r#56"]],
    ["**Depends on:** #1, #2 and o/r#3", ["acme/shop#1", "acme/shop#2", "o/r#3"]],
    ["Depends on #5\nDepends on #5", ["acme/shop#5"]],
    ["Fixes #12\nSee #13", []],
    ["`Depends on #12`", []],
    ["```\nDepends on #12\n```", []],
    ["> Depends on #12", []],
    ["<!-- Depends on #12 -->", []],
    ["Undepends on #12", []],
    ["#12 depends on nothing", []],
  ])("%j → %j", (body, refs) => {
    expect(findDependencies(body, KEYWORDS, "acme/shop").github).toEqual(refs);
  });

  it("reads configured keywords, case-insensitively, and only those", () => {
    expect(findDependencies("AFTER #3\nDepends on #4", ["after"], "acme/shop").github).toEqual([
      "acme/shop#3",
    ]);
  });

  it("cannot tie #12 to a repository when the repository is unknown", () => {
    expect(findDependencies("Depends on #12", KEYWORDS, null)).toEqual({
      github: [],
      other: ["#12"],
      truncated: false,
    });
  });

  it("asks adapters to look the dependencies up", () => {
    const config = dependenciesRuleSchema().parse({});
    expect(
      dependenciesDefinition.references?.("Depends on #7.\nSee #8", config, "acme/shop"),
    ).toEqual(["acme/shop#7"]);
  });
});

describe("dependencies rule", () => {
  it("has defaults: block, three keywords", () => {
    expect(dependenciesRuleSchema().parse({})).toEqual({
      level: "block",
      keywords: ["depends on", "blocked by", "requires"],
    });
  });

  it.each([
    ["none declared", "Adds a feature", [], "pass", "no dependencies declared"],
    [
      "a merged pull request",
      "Depends on #1",
      [pr("acme/shop#1", "closed", true)],
      "pass",
      "1 dependency, 1 done",
    ],
    [
      "an issue closed as completed",
      "Depends on #2",
      [issue("acme/shop#2", "closed", "completed")],
      "pass",
      "1 done",
    ],
    ["an open pull request", "Depends on #1", [pr("acme/shop#1", "open", false)], "fail", "1 open"],
    ["an open issue", "Blocked by #2", [issue("acme/shop#2", "open")], "fail", "1 open"],
    [
      "a pull request closed unmerged",
      "Depends on #1",
      [pr("acme/shop#1", "closed", false)],
      "fail",
      "1 closed without merging",
    ],
    [
      "an issue not planned",
      "Depends on #2",
      [issue("acme/shop#2", "closed", "not_planned")],
      "fail",
      "1 not planned",
    ],
    [
      "a missing item",
      "Depends on #9",
      [{ ref: "acme/shop#9", exists: false }],
      "fail",
      "1 missing",
    ],
    ["an unreadable cross-repository item", "Depends on secret/repo#3", [], "fail", "1 unreadable"],
    [
      "one open among merged",
      "Depends on #1 and o/r#4",
      [pr("acme/shop#1", "closed", true), pr("o/r#4", "open", false)],
      "fail",
      "2 dependencies, 1 done, 1 open",
    ],
  ])("%s: %s", (_case, body, items, status, summary) => {
    const result = run(body, items as LinkedItemFacts[]);
    expect(result.status).toBe(status);
    expect(result.summary).toContain(summary);
  });

  it("says 'not verified' where nobody could look (the CLI), and warns rather than passes", () => {
    const result = run("Depends on #1", null);
    expect(result.status).toBe("warn");
    expect(result.summary).toBe("1 dependency, 1 not verified");
    expect(result.details).toContain("| `acme/shop#1` | not verified |");
    expect(result.metrics["verified"]).toBe(false);
  });

  it("lists each dependency with its state and link, and says what to do", () => {
    const result = run("Depends on #1\nBlocked by o/r#4", [
      pr("acme/shop#1", "closed", true),
      pr("o/r#4", "open", false),
    ]);
    expect(result.details).toContain(
      [
        "| Dependency | State | Title |",
        "|---|---|---|",
        "| [`acme/shop#1`](https://github.com/acme/shop/pull/1) | done | PR acme/shop\\#1 |",
        "| [`o/r#4`](https://github.com/o/r/pull/4) | **open**: not merged yet | PR o/r\\#4 |",
      ].join("\n"),
    );
    expect(result.details).toContain("Merge the open dependencies first");
    expect(result.metrics["dependencies"]).toEqual([
      { ref: "acme/shop#1", state: "done" },
      { ref: "o/r#4", state: "open" },
    ]);
  });

  it("escapes titles it quotes", () => {
    const item = { ...pr("acme/shop#1", "open", false), title: "@team <b>|x|" };
    expect(run("Depends on #1", [item]).details).not.toMatch(/@team|<b>|\|x\|/);
  });
});
