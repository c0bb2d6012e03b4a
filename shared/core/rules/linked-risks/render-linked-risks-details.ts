// The linked-risks rule's advice: what each reference turned out to be, and how to fix what fails.
import { escapeMarkdown } from "../../render/escape-markdown.js";
import { cellCode } from "../../markdown/cell-code.js";
import type { LinkedItemCheck } from "./verify-linked-items.js";

const MAX_TITLE = 80;

const STATUS_TEXT: Record<LinkedItemCheck["status"], string> = {
  ok: "open",
  unverified: "not verified",
  missing: "**does not exist** (or is not visible)",
  closed: "closed",
  unlabelled: "without the risk label",
};

function title(check: LinkedItemCheck): string {
  const text = check.item?.title ?? "";
  return escapeMarkdown(text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text);
}

export interface LinkedRisksDetailsInput {
  checks: readonly LinkedItemCheck[];
  other: readonly string[];
  /** Markdown paragraphs telling the author how to fix each problem. */
  fixes: readonly string[];
}

export function renderLinkedRisksDetails(input: LinkedRisksDetailsInput): string {
  const blocks: string[] = [];
  if (input.fixes.length > 0) blocks.push(input.fixes.map((fix) => `- ${fix}`).join("\n"));
  if (input.checks.length + input.other.length > 0) {
    const rows = [
      ...input.checks.map((c) => {
        const state = c.status === "unlabelled" ? `${c.item?.state ?? "open"}, ` : "";
        return `| ${cellCode(c.ref)} | ${state}${STATUS_TEXT[c.status]} | ${title(c)} |`;
      }),
      ...input.other.map((ref) => `| ${cellCode(ref)} | outside GitHub, not verified | |`),
    ];
    blocks.push(["| Reference | Status | Title |", "|---|---|---|", ...rows].join("\n"));
  }
  return blocks.join("\n\n");
}
