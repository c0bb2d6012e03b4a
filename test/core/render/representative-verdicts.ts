// Four verdicts that cover what the renderers must handle, shared by the golden-file tests.
import type { Verdict } from "../../../shared/core/types.js";
import { makeFinding, makeResult, makeVerdict } from "../../builders/make-verdict.js";

const sizeDetails = [
  "**Where the lines are**",
  "",
  "| Package or directory | Files | Lines |",
  "|---|---:|---:|",
  "| `packages/api` (package) | 12 | 640 |",
  "| `packages/web` (package) | 4 | 272 |",
  "",
  "**How to slice it**",
  "",
  "- Split by package:",
  "  - `packages/api` (640 lines, 12 files) alone is above the limit of 400 lines: split it further.",
  "  - `packages/web` (272 lines, 4 files) could be its own pull request.",
  "- Machine-written files can be left out of the count with `rules.size.exclude` in `.github/shipgate.yml`.",
  "",
  "**Not counted:** 2 files: 2 lockfile.",
  "",
  "- `package-lock.json (lockfile)`",
  "- `pnpm-lock.yaml (lockfile)`",
].join("\n");

const coverageDetails = [
  "**How to fix:** add tests that execute these changed lines, or, if they are generated code, exclude the files with `rules.coverage.exclude` in `.github/shipgate.yml`.",
  "",
  "- `packages/api/src/orders.ts`: lines 12–18, 40",
  "- `packages/web/src/cart.tsx`: line 7",
].join("\n");

export const representativeVerdicts: Record<string, Verdict> = {
  passing: makeVerdict({
    rules: [
      makeResult({
        id: "size",
        summary: "120 counted lines in 4 files (limit 400 lines, 40 files)",
      }),
      makeResult({ id: "coverage", summary: "Patch coverage 92.5% (37/40 lines), minimum 80%" }),
      makeResult({
        id: "rollout-notes",
        status: "skip",
        summary: "Not required: no matching paths, labels or risk",
      }),
      makeResult({
        id: "linked-risks",
        level: "warn",
        summary: "Linked risk item acme/shop#12 (risk: low)",
      }),
    ],
    riskLevel: "low",
  }),
  failing: makeVerdict({
    rules: [
      makeResult({
        id: "size",
        status: "fail",
        summary: "912 counted lines in 16 files (limit 400 lines, 40 files)",
        details: sizeDetails,
        metrics: { lines: 912, files: 16, maxLines: 400, maxFiles: 40 },
      }),
      makeResult({
        id: "coverage",
        status: "fail",
        summary: "Patch coverage 61.5% (16/26 lines), minimum 90%",
        details: coverageDetails,
        metrics: { patchCoverage: 61.54, coveredLines: 16, coverableLines: 26 },
        findings: [
          makeFinding({
            path: "packages/web/src/cart.tsx",
            startLine: 7,
            endLine: 7,
            message: "Changed line 7 is not executed by any test.",
          }),
          makeFinding({
            path: "packages/api/src/orders.ts",
            startLine: 40,
            endLine: 40,
            message: "Changed line 40 is not executed by any test.",
          }),
          makeFinding({
            path: "packages/api/src/orders.ts",
            startLine: 12,
            endLine: 18,
            message: "Changed lines 12–18 are not executed by any test.",
          }),
        ],
      }),
      makeResult({
        id: "rollout-notes",
        status: "fail",
        level: "warn",
        summary: "The Rollout section does not say how to roll back",
        details:
          "Add a **Rollback** line to the `## Rollout` section of the pull request description, e.g. `Rollback: revert the deploy`.",
      }),
      makeResult({
        id: "linked-risks",
        status: "warn",
        level: "warn",
        summary: "No risk item linked",
        details: "Link the risk item in the description, e.g. `Risk: RISK-123`.",
      }),
    ],
    riskLevel: "high",
    notes: [
      "This pull request changes `.github/shipgate.yml`. The change is not applied to this pull request: the gate always uses the configuration of the base branch.",
    ],
  }),
  pending: makeVerdict({
    rules: [
      makeResult({
        id: "size",
        summary: "40 counted lines in 2 files (limit 400 lines, 40 files)",
      }),
      makeResult({
        id: "coverage",
        status: "pending",
        summary: "Waiting for the coverage report",
        details: "The coverage report has not been uploaded yet; the check updates when it is.",
      }),
    ],
  }),
  hostile: makeVerdict({
    rules: [
      makeResult({
        id: "size",
        status: "fail",
        summary:
          "Files by @octocat and @acme/security | <b>bold</b> <!-- shipgate:v1 --> \u001b[31mred\u001b[0m\nsecond line",
        details: [
          "<!-- shipgate:v1 -->",
          "Please ask @acme/release-team about <img src=x onerror=alert(1)> and </details> too.",
          "```",
          "an open fence from a sloppy rule",
        ].join("\n"),
        findings: [
          makeFinding({
            rule: "size",
            path: "src/weird,name:with%\nnewline.ts",
            severity: "warning",
            title: "Title, with: colons",
            message: "100% wrong\r\n::error::injected",
          }),
        ],
      }),
    ],
    riskLevel: "@here <b>high</b>",
    notes: ["Note mentioning @everyone with `<!-- shipgate:v1 -->` in code"],
  }),
};
