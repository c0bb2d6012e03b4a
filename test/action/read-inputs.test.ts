// Input validation: defaults, accepted spellings, and errors that name input, value and choices.
import { readInputs } from "../../action/read-inputs.js";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";
const base = { "github-token": "ghs_x" };

describe("readInputs", () => {
  it("fills the defaults of action.yml", () => {
    expect(readInputs(reader(base))).toEqual({
      ok: true,
      inputs: {
        token: "ghs_x",
        config: ".github/shipgate.yml",
        coverage: [],
        comment: "auto",
        reviewComments: true,
        failOn: "failure",
        mode: "full",
        workflow: "",
        requestTimeoutMs: 30_000,
        timeoutMs: 600_000,
      },
    });
  });

  it("reads every input", () => {
    const result = readInputs(
      reader({
        ...base,
        config: "./ci/gate.yml",
        coverage: "coverage/lcov.info\n\n  packages/*/coverage/*.xml  \n",
        comment: "Always",
        "review-comments": "FALSE",
        "fail-on": "warning",
        mode: "evaluate",
        workflow: " shipgate.yml ",
        "request-timeout": "2.5",
        timeout: " 90 ",
      }),
    );
    expect(result).toEqual({
      ok: true,
      inputs: {
        token: "ghs_x",
        config: "ci/gate.yml",
        coverage: ["coverage/lcov.info", "packages/*/coverage/*.xml"],
        comment: "always",
        reviewComments: false,
        failOn: "warning",
        mode: "evaluate",
        workflow: "shipgate.yml",
        requestTimeoutMs: 2500,
        timeoutMs: 90_000,
      },
    });
  });

  it("asks for the gate's workflow with mode: dependants", () => {
    expect(readInputs(reader({ ...base, mode: "dependants" }))).toEqual({
      ok: false,
      errors: [
        "input `workflow` is empty; with mode: dependants, name the workflow file that runs the gate, e.g. shipgate.yml",
      ],
    });
  });

  it.each([
    [
      "comment",
      "sometimes",
      'input `comment` is "sometimes"; use one of: auto, always, never (default auto)',
    ],
    [
      "review-comments",
      "yes",
      'input `review-comments` is "yes"; use one of: true, false (default true)',
    ],
    [
      "fail-on",
      "error",
      'input `fail-on` is "error"; use one of: failure, warning, never (default failure)',
    ],
    [
      "mode",
      "dry-run",
      'input `mode` is "dry-run"; use one of: full, evaluate, publish, dependants (default full)',
    ],
    [
      "config",
      "../outside.yml",
      'input `config` is "../outside.yml"; give a path inside the repository, e.g. .github/shipgate.yml',
    ],
    [
      "config",
      "/etc/shipgate.yml",
      'input `config` is "/etc/shipgate.yml"; give a path inside the repository, e.g. .github/shipgate.yml',
    ],
    ...["0", "-1", "abc", "1e3", "21601", "30s"].map((value) => [
      "request-timeout",
      value,
      `input \`request-timeout\` is ${JSON.stringify(value)}; give a number of seconds above 0 and at most 21600 (default 30)`,
    ]),
    [
      "timeout",
      "ten minutes",
      'input `timeout` is "ten minutes"; give a number of seconds above 0 and at most 21600 (default 600)',
    ],
  ])("rejects %s: %s", (name, value, message) => {
    expect(readInputs(reader({ ...base, [name]: value }))).toEqual({
      ok: false,
      errors: [message],
    });
  });

  it("reports every problem at once, including an empty token", () => {
    const result = readInputs(reader({ comment: "x", mode: "y" }));
    expect(result.ok === false && result.errors).toEqual([
      expect.stringContaining("input `mode`"),
      expect.stringContaining("input `github-token` is empty"),
      expect.stringContaining("input `comment`"),
    ]);
  });
});
