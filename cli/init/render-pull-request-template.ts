// The .github/pull_request_template.md that `shipgate init` writes: the sections the
// rollout-notes and linked-risks rules read, with prompts as HTML comments.
import { parseConfig } from "../../shared/core/config/parse-config.js";

export function renderPullRequestTemplate(): string {
  const defaults = parseConfig(null, "defaults");
  const levels = defaults.ok ? defaults.config.risk.levels : ["low", "medium", "high"];
  const section = defaults.ok
    ? (defaults.config.rules["rollout-notes"].section[0] ?? "Rollout")
    : "Rollout";
  return `## Summary

<!-- What changes, and why? -->

## ${section}

<!-- How this reaches users safely. Answer each item, or write "N/A: <reason>". -->

- Plan: <!-- staged rollout, canary, or deploy with the next release? -->
- Rollback: <!-- how to undo it: revert, flag off, down migration... -->
- Feature flag: <!-- the flag's name and default, or N/A: <reason> -->
- Monitoring: <!-- the dashboard, alert or log that shows it works, and what to watch -->

- [ ] Rollback tested or explained
- [ ] Monitoring in place before release

## Risks

<!-- Keep one level. Link the risk item or issue that tracks what could go wrong, e.g. #123. -->

Risk: ${levels.join(" | ")}
Link:
`;
}
