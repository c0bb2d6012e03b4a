// An invalid config is a result, not a crash: a failing verdict whose notes say where each error
// is (file, line, column, key) and that no rule ran, published like any other verdict.
import type { ConfigError } from "./config/config-error.js";
import { codeSpan, escapeMarkdown } from "./render/escape-markdown.js";
import { type Verdict } from "./types.js";
import { RULE_IDS } from "./rules/rule-definitions.js";

export function invalidConfigVerdict(errors: readonly ConfigError[], file: string): Verdict {
  const summary = `Not run: ${codeSpan(file)} is invalid at the base commit`;
  return {
    version: 1,
    conclusion: "failure",
    riskLevel: null,
    rules: RULE_IDS.map((id) => ({
      id,
      status: "skip",
      level: "block",
      summary,
      details: "",
      metrics: {},
      findings: [],
    })),
    notes: [
      `The configuration ${codeSpan(file)} on the base branch is invalid, so no rule ran. Fix it on the base branch (a fix inside this pull request is not applied to it).`,
      ...errors.map((error) => {
        const where = codeSpan(`${error.file}:${error.line}:${error.column}`);
        const key = error.path === "" ? "" : ` ${codeSpan(error.path)}`;
        return `${where}${key}: ${escapeMarkdown(error.message)}`;
      }),
    ],
  };
}
