// The dependencies rule: a change never merges ahead of what it depends on. Each dependency the
// description names, and the pull request it is stacked on, is judged from what the adapter
// looked up; what nobody could look up (the CLI) is "not verified" and only warns; what the gate
// could not read fails, as does anything still open or closed without being done, and a cycle.
// The comment lists them in the order they must merge.
import { cellCode } from "../../markdown/cell-code.js";
import { codeSpan, escapeMarkdown } from "../../render/escape-markdown.js";
import type { LinkedItemFacts, PullRequestFacts, RuleStatus } from "../../facts.js";
import type { Rule } from "../rule.js";
import { findDependencies } from "./find-dependencies.js";
import { orderDependencies } from "./order-dependencies.js";
import type { DependenciesRuleConfig } from "./schema.js";

type State = "done" | "open" | "unmerged" | "not-planned" | "missing" | "unreadable" | "unverified";

interface Dependency {
  ref: string;
  state: State;
  item: LinkedItemFacts | null;
  /** The base branch, when this pull request is stacked on it. */
  stackedOn?: string;
}

const STATE_TEXT: Record<State, string> = {
  done: "done",
  open: "**open**: not merged yet",
  unmerged: "**closed without merging**",
  "not-planned": "**closed as not planned**",
  missing: "**does not exist**",
  unreadable: "**could not be read** (a private repository, or GitHub did not answer)",
  unverified: "not verified",
};
const MAX_TITLE = 80;

function stateOf(item: LinkedItemFacts | undefined, verified: boolean): State {
  if (item === undefined) return verified ? "unreadable" : "unverified";
  if (!item.exists) return "missing";
  if (item.state !== "closed") return "open";
  if (item.pullRequest === true) {
    if (item.merged === undefined) return "unreadable";
    return item.merged ? "done" : "unmerged";
  }
  return item.stateReason === "not_planned" ? "not-planned" : "done";
}

function row(dep: Dependency): string {
  const text = dep.item?.title ?? "";
  const title = escapeMarkdown(text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text);
  const url = dep.item?.url;
  const linked =
    url !== undefined && /^https:\/\/[^\s()<>]+$/.test(url)
      ? `[${cellCode(dep.ref)}](${url})`
      : cellCode(dep.ref);
  const ref =
    dep.stackedOn === undefined
      ? linked
      : dep.item === null
        ? `the pull request from ${cellCode(dep.stackedOn)} (stacked)`
        : `${linked} (stacked on ${cellCode(dep.stackedOn)})`;
  return `| ${ref} | ${STATE_TEXT[dep.state]} | ${title} |`;
}

function adviceOf(
  deps: readonly Dependency[],
  other: readonly string[],
  cycle: readonly string[] | null,
): string[] {
  const has = (state: State) => deps.some((d) => d.state === state);
  const advice: string[] = [];
  if (cycle !== null) {
    advice.push(
      `${cycle.map(codeSpan).join(" → ")} wait for each other, so none of them can merge first: remove the dependency that is not real, or bring the changes together in one pull request.`,
    );
  }
  if (has("open") && deps.some((d) => d.state === "open" && d.stackedOn !== undefined)) {
    advice.push(
      "This pull request is stacked on another: once that one merges, GitHub retargets this one to its base (or change the base branch yourself) and this check runs again.",
    );
  }
  if (has("open")) {
    advice.push(
      "Merge the open dependencies first (in the order listed); this check passes on its next run once they are merged or closed as completed.",
    );
  }
  if (has("unmerged") || has("not-planned")) {
    advice.push(
      "A dependency was closed without being done: if this change no longer needs it, remove the line from the description; otherwise reopen it or name what replaced it.",
    );
  }
  if (has("missing")) advice.push("Check the reference for a typo: the item does not exist.");
  if (has("unreadable")) {
    advice.push(
      "The gate could not read a dependency (another repository it has no access to, or an outage): give it access, or check the dependency by hand and override this rule.",
    );
  }
  if (other.length > 0) {
    advice.push(
      `${other.map(codeSpan).join(", ")} could not be tied to a repository: write them as \`owner/repo#12\`.`,
    );
  }
  return advice.map((a) => `- ${a}`);
}

/** What this pull request is stacked on: the open pull requests whose head is its base branch. */
function stackedDependencies(facts: PullRequestFacts, verified: boolean): Dependency[] {
  const stack = facts.stack ?? null;
  if (stack === null) return [];
  if (stack.pullRequests === null) {
    return [
      {
        ref: stack.base,
        state: verified ? "unreadable" : "unverified",
        item: null,
        stackedOn: stack.base,
      },
    ];
  }
  return stack.pullRequests.map((item) => ({
    ref: item.ref,
    state: stateOf(item, true),
    item,
    stackedOn: stack.base,
  }));
}

export const dependenciesRule: Rule<"dependencies", DependenciesRuleConfig> = (facts, config) => {
  const found = findDependencies(facts.body, config.keywords, facts.repository);
  const verified = facts.linkedItems !== null;
  const byRef = new Map((facts.linkedItems ?? []).map((item) => [item.ref.toLowerCase(), item]));
  const named: Dependency[] = found.github.map((ref) => {
    const item = byRef.get(ref.toLowerCase());
    return { ref, state: stateOf(item, verified), item: item ?? null };
  });
  const listed = new Map(named.map((d) => [d.ref.toLowerCase(), d]));
  for (const dep of stackedDependencies(facts, verified)) {
    const same = listed.get(dep.ref.toLowerCase());
    if (same === undefined) listed.set(dep.ref.toLowerCase(), dep);
    else same.stackedOn = dep.stackedOn;
  }
  // What each dependency needs in turn, from its own description (no further reads).
  const needs = new Map<string, string[]>();
  for (const [key, dep] of listed) {
    const body = dep.item?.body;
    if (body === undefined) continue;
    needs.set(key, findDependencies(body, config.keywords, repositoryOf(dep.ref)).github);
  }
  const self =
    facts.repository !== null && facts.number !== null
      ? `${facts.repository}#${facts.number}`
      : null;
  const graph = orderDependencies(
    self,
    [...listed.values()].map((d) => d.ref),
    needs,
  );
  const deps = graph.order.map((ref) => listed.get(ref.toLowerCase()) as Dependency);
  const cycle = graph.cycle;
  const count = (state: State) => deps.filter((d) => d.state === state).length;
  const blocking = deps.filter((d) => d.state !== "done" && d.state !== "unverified");
  const status: RuleStatus =
    blocking.length > 0 || cycle !== null
      ? "fail"
      : count("unverified") + found.other.length > 0
        ? "warn"
        : "pass";
  const total = deps.length + found.other.length;
  const summary =
    total === 0
      ? "no dependencies declared"
      : [
          `${total} ${total === 1 ? "dependency" : "dependencies"}`,
          ...(
            [
              ["done", "done"],
              ["open", "open"],
              ["unmerged", "closed without merging"],
              ["not-planned", "not planned"],
              ["missing", "missing"],
              ["unreadable", "unreadable"],
            ] as const
          )
            .filter(([state]) => count(state) > 0)
            .map(([state, label]) => `${count(state)} ${label}`),
          ...(count("unverified") + found.other.length > 0
            ? [`${count("unverified") + found.other.length} not verified`]
            : []),
          ...(cycle === null ? [] : [`a cycle: ${cycle.join(" → ")}`]),
        ].join(", ");
  const table =
    total === 0
      ? []
      : [
          ...(deps.length > 1 ? ["In the order they must merge:", ""] : []),
          "| Dependency | State | Title |",
          "|---|---|---|",
          ...deps.map(row),
          ...found.other.map((ref) => `| ${cellCode(ref)} | not verified | |`),
        ].join("\n");
  const advice = adviceOf(deps, found.other, cycle);
  return {
    id: "dependencies",
    status,
    level: config.level,
    summary,
    details: [advice.join("\n"), table].filter((b) => b.length > 0).join("\n\n"),
    metrics: {
      dependencies: deps.map((d) => ({
        ref: d.ref,
        state: d.state,
        ...(d.stackedOn === undefined ? {} : { stackedOn: d.stackedOn }),
      })),
      cycle,
      unresolved: found.other,
      verified,
      truncated: found.truncated,
    },
    findings: [],
  };
};

/** `owner/repo` of `owner/repo#12`: where `#3` in that item's own description points. */
function repositoryOf(ref: string): string | null {
  const hash = ref.lastIndexOf("#");
  return hash > 0 ? ref.slice(0, hash) : null;
}
