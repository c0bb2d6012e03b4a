// The focus rule: one concern per change, a limited amount of work in progress, and no pull
// request left waiting. Each part is judged on its own; a part whose facts only GitHub knows is
// "not verified" when nobody could know them (the CLI, past the open pull requests read) and fails
// when GitHub did not answer the read (fail closed). The words help, never blame.
import { codeSpan } from "../../render/escape-markdown.js";
import type { FlowFacts, FlowFigure, PullRequestFacts, RuleStatus } from "../../facts.js";
import type { Rule } from "../rule.js";
import type { SizeGroup } from "../size/group-by-package.js";
import { findAreas } from "./find-areas.js";
import type { FocusRuleConfig } from "./schema.js";

const DAY_MS = 86_400_000;
const MAX_LISTED_AREAS = 8;

interface Part {
  /** null: not verified. */
  ok: boolean | null;
  summary: string;
  /** Markdown: what the author can do. */
  advice?: string[];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function daysBetween(from: string, to: string): number | null {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : null;
}

function mixedConcerns(areas: readonly SizeGroup[], config: FocusRuleConfig): Part {
  const max = config["max-areas"];
  const figure = `${plural(areas.length, "area")}, at most ${max}`;
  if (areas.length <= max) return { ok: true, summary: figure };
  const listed = areas
    .slice(0, MAX_LISTED_AREAS)
    .map((a) => `  - ${codeSpan(a.name)} (${plural(a.lines, "line")}, ${plural(a.files, "file")})`);
  if (areas.length > MAX_LISTED_AREAS) {
    listed.push(`  - … and ${plural(areas.length - MAX_LISTED_AREAS, "more area")}`);
  }
  return {
    ok: false,
    summary: `mixed concerns: ${figure}`,
    advice: [
      `- This change touches ${plural(areas.length, "area")}. Reviews go faster and rollbacks stay small when each pull request has one concern; it could be split by area, each with its own tests:`,
      ...listed,
      "  If the areas must change together (a shared interface), land the interface first, then each area. Areas that always move together can be grouped with `rules.focus.areas`.",
    ],
  };
}

/** A figure GitHub did not give: the part fails (fail closed), saying how to try again. */
function unread(
  flow: FlowFacts | null,
  figure: FlowFigure,
  what: string,
  read: string,
): Part | null {
  if (!flow?.unread?.includes(figure)) return null;
  return {
    ok: false,
    summary: `${what} could not be read`,
    advice: [
      `- GitHub did not answer the gate's read of ${read}, so ${what} could not be checked. A re-run usually gets it (\`/shipgate recheck\` with the App, re-running the job with the Action); if GitHub keeps failing, an override of this rule lets the change through.`,
    ],
  };
}

function workInProgress(flow: FlowFacts | null, config: FocusRuleConfig): Part {
  const open = flow?.authorOpenPullRequests ?? null;
  const max = config["max-open-per-author"];
  const failed = unread(
    flow,
    "authorOpenPullRequests",
    "work in progress",
    "the repository's open pull requests",
  );
  if (failed) return failed;
  if (open === null) return { ok: null, summary: "work in progress not verified" };
  const figure = `${plural(open, "open pull request")} by the author, at most ${max}`;
  if (open <= max) return { ok: true, summary: figure };
  return {
    ok: false,
    summary: figure,
    advice: [
      `- There are ${plural(open, "open pull request")} (drafts not counted) from the same author. Finishing one before starting the next shortens the wait for all of them: consider asking for reviews on the oldest, or turning the ones not ready into drafts.`,
    ],
  };
}

function waiting(flow: FlowFacts | null, config: FocusRuleConfig): Part[] {
  const createdAt = flow?.createdAt ?? null;
  const age = flow === null || createdAt === null ? null : daysBetween(createdAt, flow.at);
  const failed = unread(flow, "firstReview", "the first review", "this pull request's reviews");
  if (flow === null || age === null) {
    return [{ ok: null, summary: "waiting time not verified" }, ...(failed ? [failed] : [])];
  }
  const parts: Part[] = [];
  const stale = config["stale-after-days"];
  parts.push(
    age > stale
      ? {
          ok: false,
          summary: `open ${plural(age, "day")}, more than ${stale}`,
          advice: [
            `- This pull request has been open for ${plural(age, "day")}. The longer a change waits, the harder it merges: consider landing part of it, asking the team for a review, or closing it if it is no longer needed.`,
          ],
        }
      : { ok: true, summary: `open ${plural(age, "day")}` },
  );
  const review = config["review-after-days"];
  if (failed) parts.push(failed);
  else if (flow.firstReview === null) {
    parts.push({ ok: null, summary: "first review not verified" });
  } else if (flow.firstReview.at === null && age > review) {
    parts.push({
      ok: false,
      summary: `no review after ${plural(age, "day")}, expected within ${review}`,
      advice: [
        `- No review yet after ${plural(age, "day")}. Requesting a reviewer, or mentioning it at stand-up, usually gets it moving.`,
      ],
    });
  }
  return parts;
}

export const focusRule: Rule<"focus", FocusRuleConfig> = (
  facts: PullRequestFacts,
  config,
  context,
) => {
  const counted = facts.files.filter((file) => !context.isGenerated(file.path));
  const areas = findAreas(counted, facts.repoFiles ?? [], config.areas);
  const flow = facts.flow ?? null;
  const parts = [
    mixedConcerns(areas, config),
    workInProgress(flow, config),
    ...waiting(flow, config),
  ];
  const status: RuleStatus = parts.some((p) => p.ok === false) ? "fail" : "pass";
  const advice = parts.flatMap((p) => p.advice ?? []);
  return {
    id: "focus",
    status,
    level: config.level,
    summary: parts.map((p) => p.summary).join("; "),
    details: advice.length === 0 ? "" : ["**How to keep it flowing**", "", ...advice].join("\n"),
    metrics: {
      areas: areas.map((a) => a.name),
      authorOpenPullRequests: flow?.authorOpenPullRequests ?? null,
      createdAt: flow?.createdAt ?? null,
      firstReviewAt: flow?.firstReview?.at ?? null,
      verified: parts.every((p) => p.ok !== null),
    },
    findings: [],
  };
};
