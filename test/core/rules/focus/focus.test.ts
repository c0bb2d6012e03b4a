import { focusRule } from "../../../../shared/core/rules/focus/focus.js";
import { focusRuleSchema } from "../../../../shared/core/rules/focus/schema.js";
import type { ChangedFile, FlowFacts } from "../../../../shared/core/types.js";
import { makeFacts, makeFile, makeRuleContext } from "../../../builders/make-facts.js";

const AT = "2026-12-05T12:00:00Z";
const flow = (overrides: Partial<FlowFacts> = {}): FlowFacts => ({
  at: AT,
  authorOpenPullRequests: 1,
  createdAt: "2026-12-04T12:00:00Z",
  firstReview: { at: null },
  ...overrides,
});
const run = (
  files: ChangedFile[],
  facts: { flow?: FlowFacts | null } = {},
  overrides: object = {},
) =>
  focusRule(
    makeFacts({ files, ...facts }),
    focusRuleSchema().parse(overrides),
    makeRuleContext({ isGenerated: (path) => path.endsWith(".lock") }),
  );
const paths = (...list: string[]) => list.map((path) => makeFile({ path, additions: 10 }));

describe("focus rule: mixed concerns", () => {
  it("has defaults: warn, 3 areas, 3 open pull requests, 14 and 3 days", () => {
    expect(focusRuleSchema().parse({})).toEqual({
      level: "warn",
      "max-areas": 3,
      areas: {},
      "max-open-per-author": 3,
      "stale-after-days": 14,
      "review-after-days": 3,
    });
  });

  it.each([
    ["one directory", paths("src/a.ts", "src/b.ts"), {}, "pass", "1 area, at most 3"],
    [
      "three packages, tests and root files",
      paths(
        "packages/a/x.ts",
        "packages/b/y.ts",
        "web/z.ts",
        "test/x.test.ts",
        "README.md",
        "yarn.lock",
      ),
      {},
      "pass",
      "3 areas, at most 3",
    ],
    [
      "four areas",
      paths("packages/a/x.ts", "packages/b/y.ts", "web/z.ts", "infra/main.tf"),
      {},
      "fail",
      "mixed concerns: 4 areas, at most 3",
    ],
    [
      "four directories grouped by configured areas",
      paths("packages/a/x.ts", "packages/b/y.ts", "web/z.ts", "infra/main.tf"),
      { areas: { core: ["packages/**"] } },
      "pass",
      "3 areas, at most 3",
    ],
    [
      "two areas over a limit of one",
      paths("api/a.ts", "web/b.ts"),
      { "max-areas": 1 },
      "fail",
      "mixed concerns: 2 areas, at most 1",
    ],
  ])("%s", (_case, files, overrides, status, summary) => {
    const result = run(files, { flow: flow() }, overrides);
    expect(result.status).toBe(status);
    expect(result.summary.split("; ")[0]).toBe(summary);
  });

  it("suggests the split, largest area first, and how to keep areas together", () => {
    const result = run([
      makeFile({ path: "api/a.ts", additions: 5 }),
      makeFile({ path: "web/b.ts", additions: 50 }),
      makeFile({ path: "infra/c.tf", additions: 20 }),
      makeFile({ path: "docs/d.md", additions: 1 }),
    ]);
    expect(result.details).toContain(
      [
        "  - `web` (50 lines, 1 file)",
        "  - `infra` (20 lines, 1 file)",
        "  - `api` (5 lines, 1 file)",
        "  - `docs` (1 line, 1 file)",
      ].join("\n"),
    );
    expect(result.details).toContain("`rules.focus.areas`");
    expect(result.metrics["areas"]).toEqual(["web", "infra", "api", "docs"]);
  });
});

describe("focus rule: work in progress and waiting", () => {
  it.each([
    ["unknown (the CLI)", null, "pass", "work in progress not verified; waiting time not verified"],
    [
      "3 open, 1 day, no review yet",
      flow({ authorOpenPullRequests: 3 }),
      "pass",
      "3 open pull requests by the author, at most 3; open 1 day",
    ],
    [
      "4 open",
      flow({ authorOpenPullRequests: 4 }),
      "fail",
      "4 open pull requests by the author, at most 3",
    ],
    [
      "open count unknown",
      flow({ authorOpenPullRequests: null }),
      "pass",
      "work in progress not verified",
    ],
    [
      "15 days open",
      flow({ createdAt: "2026-11-20T12:00:00Z", firstReview: { at: "2026-11-21T00:00:00Z" } }),
      "fail",
      "open 15 days, more than 14",
    ],
    [
      "14 days open",
      flow({ createdAt: "2026-11-21T12:00:00Z", firstReview: { at: "2026-11-21T13:00:00Z" } }),
      "pass",
      "open 14 days",
    ],
    [
      "4 days, no review",
      flow({ createdAt: "2026-12-01T12:00:00Z" }),
      "fail",
      "no review after 4 days, expected within 3",
    ],
    ["3 days, no review", flow({ createdAt: "2026-12-02T12:00:00Z" }), "pass", "open 3 days"],
    [
      "reviews unknown",
      flow({ createdAt: "2026-12-01T12:00:00Z", firstReview: null }),
      "pass",
      "first review not verified",
    ],
    [
      "open pull requests unread (GitHub did not answer)",
      flow({ authorOpenPullRequests: null, unread: ["authorOpenPullRequests"] }),
      "fail",
      "work in progress could not be read",
    ],
    [
      "reviews unread (GitHub did not answer)",
      flow({ createdAt: "2026-12-04T12:00:00Z", firstReview: null, unread: ["firstReview"] }),
      "fail",
      "the first review could not be read",
    ],
    [
      "reviews unread and the opening date unknown",
      flow({ createdAt: null, firstReview: null, unread: ["firstReview"] }),
      "fail",
      "waiting time not verified; the first review could not be read",
    ],
  ])("%s", (_case, facts, status, summary) => {
    const result = run(paths("src/a.ts"), { flow: facts });
    expect(result.status).toBe(status);
    expect(result.summary).toContain(summary);
  });

  it("says what is not verified rather than counting it as a pass", () => {
    const result = run(paths("src/a.ts"), {});
    expect(result.metrics["verified"]).toBe(false);
    expect(result.metrics["authorOpenPullRequests"]).toBeNull();
  });

  it.each([
    ["too much in progress", flow({ authorOpenPullRequests: 5 }), "drafts not counted"],
    [
      "stale",
      flow({ createdAt: "2026-11-01T00:00:00Z", firstReview: { at: AT } }),
      "open for 34 days",
    ],
    ["no review", flow({ createdAt: "2026-11-30T00:00:00Z" }), "Requesting a reviewer"],
    [
      "unread",
      flow({ authorOpenPullRequests: null, unread: ["authorOpenPullRequests"] }),
      "A re-run usually gets it",
    ],
  ])("advises, never blames: %s", (_case, facts, advice) => {
    const details = run(paths("src/a.ts"), { flow: facts }).details;
    expect(details).toContain(advice);
    expect(details).not.toMatch(/\byou\b|should have|failed to|@/i);
  });
});
