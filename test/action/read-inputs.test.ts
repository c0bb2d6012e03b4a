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
      },
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
      'input `mode` is "dry-run"; use one of: full, evaluate, publish (default full)',
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
