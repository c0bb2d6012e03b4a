// Builds a DeliveryReport through buildDeliveryReport from short pull request descriptions.
import {
  buildDeliveryReport,
  type ClassifiedCommit,
} from "../../../shared/core/report/build-delivery-report.js";
import type { DeliveryReport, GitHubFacts } from "../../../shared/core/report/report-types.js";
import { sizeBucket } from "../../../shared/core/rules/size/size-bucket.js";

export interface PullRequestSpec {
  number: number;
  title: string;
  /** ISO time of the merge. */
  mergedAt: string;
  lines: number;
  /** Hours from the first commit; null for a squash merge. */
  leadHours: number | null;
}

export function makeReport(
  specs: readonly PullRequestSpec[],
  period = { from: "2024-01-01T00:00:00.000Z", to: "2024-02-01T00:00:00.000Z" },
  repository: string | null = "acme/shop",
  github: { facts: Map<number, GitHubFacts>; requests: number } | null = null,
): DeliveryReport {
  const seconds = (iso: string) => Date.parse(iso) / 1000;
  const commits: ClassifiedCommit[] = specs.map((spec, i) => ({
    commit: {
      sha: `c${i}`,
      parents: spec.leadHours === null ? ["p"] : ["p", `b${i}`],
      authorTime: seconds(spec.mergedAt),
      commitTime: seconds(spec.mergedAt),
      subject: "",
      body: "",
    },
    kind: {
      kind: spec.leadHours === null ? "squash" : "merge",
      number: spec.number,
      title: spec.title,
    },
  }));
  return buildDeliveryReport({
    repository,
    branch: "main",
    period,
    commits,
    traces: new Map(
      specs.map((spec, i) => [
        `c${i}`,
        {
          commits: 1,
          firstAuthorTime: seconds(spec.mergedAt) - (spec.leadHours ?? 0) * 3600,
          mergeBase: "p",
        },
      ]),
    ),
    sizes: new Map(
      specs.map((spec, i) => [
        `c${i}`,
        { lines: spec.lines, files: 1, excludedFiles: 0, bucket: sizeBucket(spec.lines) },
      ]),
    ),
    notes: [],
    github,
  });
}
