// The action's small decisions: log escaping, fail-on, comment: auto, API URLs.
import { shouldFailJob } from "../../action/fail-on.js";
import { neutralizeCommands } from "../../action/log-safely.js";
import { needsAttention } from "../../shared/core/render/decide-comment.js";
import { readRunnerEnv } from "../../action/read-runner-env.js";
import type { RuleResult, Verdict } from "../../shared/core/types.js";

function verdict(
  conclusion: Verdict["conclusion"],
  rules: Partial<RuleResult>[] = [],
  notes: string[] = [],
): Verdict {
  return {
    version: 1,
    conclusion,
    riskLevel: null,
    notes,
    rules: rules.map((r) => ({
      id: "size",
      status: "pass",
      level: "block",
      summary: "",
      details: "",
      metrics: {},
      findings: [],
      ...r,
    })),
  };
}

describe("neutralizeCommands", () => {
  it.each([
    ["::error::pwned", ":\u200b:error::pwned"],
    ["  ::set-output name=x::y", "  :\u200b:set-output name=x::y"],
    ["ok\n::add-mask::secret\nok", "ok\n:\u200b:add-mask::secret\nok"],
    ["##[group]x", "#\u200b#[group]x"],
    ["  - src/a ##[add-mask]shipgate.ts", "  - src/a #\u200b#[add-mask]shipgate.ts"],
    ["x ##[stop-commands]t ##[error]y", "x #\u200b#[stop-commands]t #\u200b#[error]y"],
    ["a :: b", "a :: b"],
    ["src/::odd.ts", "src/::odd.ts"],
  ])("%j", (input, output) => {
    expect(neutralizeCommands(input)).toBe(output);
  });

  it("leaves no line that starts a workflow command", () => {
    const hostile = "x\r::stop-commands::t\r\n\t::warning::y";
    expect(
      neutralizeCommands(hostile)
        .split("\n")
        .some((line) => /^\s*::/.test(line)),
    ).toBe(false);
  });
});

describe("shouldFailJob", () => {
  const failing = verdict("failure", [{ status: "fail" }]);
  const warning = verdict("success", [{ status: "warn", level: "warn" }]);
  const softFail = verdict("success", [{ status: "fail", level: "warn" }]);
  const passing = verdict("success", [{ status: "pass" }]);
  const pending = verdict("neutral", [{ status: "pending" }]);
  it.each([
    ["failure", failing, true],
    ["failure", warning, false],
    ["failure", pending, false],
    ["failure", passing, false],
    ["warning", failing, true],
    ["warning", warning, true],
    ["warning", softFail, true],
    ["warning", pending, true],
    ["warning", passing, false],
    ["never", failing, false],
  ] as const)("fail-on %s: %#", (failOn, v, fails) => {
    expect(shouldFailJob(v, failOn)).toBe(fails);
  });
});

describe("needsAttention (comment: auto creates only then)", () => {
  it.each([
    [
      "all passing",
      verdict("success", [{ status: "pass" }, { status: "skip", level: "off" }]),
      false,
    ],
    ["a warning", verdict("success", [{ status: "warn", level: "warn" }]), true],
    ["a failure", verdict("failure", [{ status: "fail" }]), true],
    ["only waiting for coverage (pending)", verdict("neutral", [{ status: "pending" }]), false],
    [
      "pending beside a warning",
      verdict("neutral", [{ status: "pending" }, { status: "warn", level: "warn" }]),
      true,
    ],
    ["a note (config changed in the PR)", verdict("success", [], ["changed"]), true],
  ])("%s", (_name, v, expected) => {
    expect(needsAttention(v)).toBe(expected);
  });
});

describe("readRunnerEnv: API URLs", () => {
  it.each([
    [{}, "https://api.github.com", "https://api.github.com/graphql"],
    [
      { GITHUB_API_URL: "https://ghe.example.com/api/v3/" },
      "https://ghe.example.com/api/v3",
      "https://ghe.example.com/api/graphql",
    ],
    [
      {
        GITHUB_API_URL: "https://api.acme.ghe.com",
        GITHUB_GRAPHQL_URL: "https://api.acme.ghe.com/graphql",
      },
      "https://api.acme.ghe.com",
      "https://api.acme.ghe.com/graphql",
    ],
  ])("%j", (env, apiUrl, graphqlUrl) => {
    expect(readRunnerEnv(env)).toMatchObject({ apiUrl, graphqlUrl });
  });
});
