// Whether the job fails, per the `fail-on` input.
import { isBlocking, isWarning } from "../shared/core/render/status-labels.js";
import type { Verdict } from "../shared/core/types.js";
import type { FailOn } from "./read-inputs.js";

export function shouldFailJob(verdict: Verdict, failOn: FailOn): boolean {
  switch (failOn) {
    case "never":
      return false;
    case "failure":
      return verdict.conclusion === "failure";
    case "warning":
      return (
        verdict.conclusion !== "success" ||
        verdict.rules.some((rule) => isBlocking(rule) || isWarning(rule))
      );
  }
}
