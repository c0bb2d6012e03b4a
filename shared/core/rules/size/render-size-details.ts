// The size rule's advice: where the lines are, how the change could be sliced, and what was left
// out of the count.
import type { SizeRuleConfig } from "./schema.js";
import type { ExclusionReason } from "../../exclude/create-exclusion.js";
import { codeSpan } from "../../render/escape-markdown.js";
import { cellCode } from "../../markdown/cell-code.js";
import type { SizeGroup } from "./group-by-package.js";
import type { ExcludedFile, SizeMeasure } from "./measure-size.js";
import type { SlicePlan } from "./plan-slices.js";

const MAX_GROUP_ROWS = 15;
const MAX_SLICES = 3;
const MAX_LISTED_PATHS = 50;
/** Lists longer than this are folded into a <details> block. */
const FOLD_AFTER = 5;

const REASON_LABELS: Record<ExclusionReason, string> = {
  lockfile: "lockfile",
  generated: "generated (`linguist-generated`)",
  vendored: "vendored (`linguist-vendored`)",
  config: "matches `rules.size.exclude`",
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function renderGroups(groups: readonly SizeGroup[]): string[] {
  const rows = groups
    .slice(0, MAX_GROUP_ROWS)
    .map(
      (g) =>
        `| ${cellCode(g.name)}${g.kind === "package" ? " (package)" : ""} | ${g.files} | ${g.lines} |`,
    );
  const rest = groups.slice(MAX_GROUP_ROWS);
  if (rest.length > 0) {
    const lines = rest.reduce((sum, g) => sum + g.lines, 0);
    const files = rest.reduce((sum, g) => sum + g.files, 0);
    rows.push(`| … ${plural(rest.length, "more group")} | ${files} | ${lines} |`);
  }
  return [
    "**Where the lines are**",
    "",
    "| Package or directory | Files | Lines |",
    "|---|---:|---:|",
    ...rows,
  ];
}

function renderSlices(plan: SlicePlan, config: SizeRuleConfig): string[] {
  const maxLines = config["max-lines"];
  const { slices, unplacedTests } = plan;
  const tips: string[] = [];
  const [only] = slices;
  if (slices.length <= 1) {
    const where = only === undefined ? "" : `All counted lines are in ${codeSpan(only.name)}: `;
    tips.push(
      `${where}split by concern instead. Land refactoring, renames and formatting first, then the behaviour change, or ship the feature in steps behind a flag.`,
    );
  } else {
    const by = slices.some((g) => g.kind === "package") ? "package" : "directory";
    tips.push(`Split by ${by}, each with its tests:`);
    for (const g of slices.slice(0, MAX_SLICES)) {
      const size = `${codeSpan(g.name)} (${plural(g.lines, "line")}, ${plural(g.files, "file")})`;
      tips.push(
        g.lines > maxLines
          ? `  - ${size} alone is above the limit of ${maxLines} lines: split it further, by subdirectory or by separating refactoring from behaviour.`
          : `  - ${size} could be its own pull request.`,
      );
    }
  }
  if (unplacedTests.files > 0) {
    tips.push(
      `Keep tests in the same pull request as the code they test (${plural(unplacedTests.lines, "line")} of tests in ${plural(unplacedTests.files, "file")} could not be matched to code by name, so they are in no slice above): code without its tests would fail \`coverage\`.`,
    );
  }
  tips.push(
    "Machine-written files (snapshots, generated clients, fixtures) can be left out of the count with `rules.size.exclude` in `.github/shipgate.yml`.",
  );
  return [
    "**How to slice it**",
    "",
    ...tips.map((tip) => (tip.startsWith("  ") ? tip : `- ${tip}`)),
  ];
}

/** `entries` are markdown already; long lists are cut and folded. */
function renderList(entries: readonly string[], summary: string): string[] {
  const items = entries.slice(0, MAX_LISTED_PATHS).map((entry) => `- ${entry}`);
  if (entries.length > MAX_LISTED_PATHS) {
    items.push(`- … and ${entries.length - MAX_LISTED_PATHS} more`);
  }
  if (entries.length <= FOLD_AFTER) return items;
  return [`<details><summary>${summary}</summary>`, "", ...items, "", "</details>"];
}

function renderExcluded(excluded: readonly ExcludedFile[]): string[] {
  if (excluded.length === 0) return [];
  const counts = new Map<ExclusionReason, number>();
  for (const file of excluded) counts.set(file.reason, (counts.get(file.reason) ?? 0) + 1);
  const why = [...counts].map(([reason, count]) => `${count} ${REASON_LABELS[reason]}`).join(", ");
  const list = excluded.map((file) => `${codeSpan(file.path)} (${file.reason})`);
  return [
    `**Not counted:** ${plural(excluded.length, "file")}: ${why}.`,
    "",
    ...renderList(list, "Files not counted"),
  ];
}

function renderNotEvaluated(notEvaluated: SizeMeasure["notEvaluated"]): string[] {
  if (notEvaluated.length === 0) return [];
  return [
    `**Not evaluated:** GitHub gave no diff for ${plural(notEvaluated.length, "file")} (too large to show), so their lines may be missing from the count. A file too large to diff is a sign to split it out or exclude it if it is generated.`,
    "",
    ...renderList(
      notEvaluated.map((file) => codeSpan(file.path)),
      "Files not evaluated",
    ),
  ];
}

export interface SizeDetailsInput {
  measure: SizeMeasure;
  groups: readonly SizeGroup[];
  /** The groups as slices, tests kept with their code. */
  plan: SlicePlan;
  config: SizeRuleConfig;
  /** Show where the lines are and how to slice (the rule warns or fails on size). */
  advise: boolean;
  truncated: boolean;
}

export function renderSizeDetails(input: SizeDetailsInput): string {
  const blocks: string[][] = [];
  if (input.truncated) {
    blocks.push([
      "GitHub stopped listing the changed files at its cap, so this pull request could not be measured in full. That alone means it is far larger than a reviewable change: split it.",
    ]);
  }
  if (input.advise && input.groups.length > 0) {
    blocks.push(renderGroups(input.groups), renderSlices(input.plan, input.config));
  }
  blocks.push(
    renderNotEvaluated(input.measure.notEvaluated),
    renderExcluded(input.measure.excluded),
  );
  return blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join("\n"))
    .join("\n\n");
}
