// Reads a `/shipgate …` command from a comment body: the first line that starts with it counts.
// Pure: what the comment asks for, or why it cannot be understood.
import { type RuleId } from "../../shared/core/types.js";
import { RULE_IDS } from "../../shared/core/rules/rule-definitions.js";

export const MAX_REASON_CHARS = 500;

export type Command =
  | { kind: "recheck" }
  | {
      kind: "override";
      rule: RuleId;
      reason: string;
      /** The head commit named in the command (7 to 40 hex digits, lower case), if any. */
      sha?: string;
    }
  | { kind: "invalid"; message: string };

const USAGE = "Usage: `/shipgate recheck` or `/shipgate override <rule> [<commit>] <reason>`";
/** A commit SHA, abbreviated as GitHub shows it (7) up to whole (40). */
const SHA = /^[0-9a-f]{7,40}$/i;

/** Null when the comment holds no `/shipgate` command at all. */
export function parseCommand(body: string): Command | null {
  const line = body
    .split(/\r?\n/)
    .map((text) => text.trim())
    .find((text) => /^\/shipgate(\s|$)/i.test(text));
  if (line === undefined) return null;
  const [, verb = "", ...rest] = line.split(/\s+/);
  switch (verb.toLowerCase()) {
    case "recheck":
      return { kind: "recheck" };
    case "override":
      return parseOverride(rest);
    default:
      return { kind: "invalid", message: `Unknown command. ${USAGE}` };
  }
}

function parseOverride(words: string[]): Command {
  const [rule = "", ...rest] = words;
  const sha = SHA.test(rest[0] ?? "") ? rest[0]?.toLowerCase() : undefined;
  const reasonWords = sha === undefined ? rest : rest.slice(1);
  const id = RULE_IDS.find((candidate) => candidate === rule.toLowerCase());
  if (id === undefined) {
    return {
      kind: "invalid",
      message: `Name the rule to override, one of ${RULE_IDS.map((r) => `\`${r}\``).join(", ")}. ${USAGE}`,
    };
  }
  const reason = reasonWords.join(" ").trim();
  if (reason === "") {
    return { kind: "invalid", message: `An override needs a reason. ${USAGE}` };
  }
  return {
    kind: "override",
    rule: id,
    reason: reason.slice(0, MAX_REASON_CHARS),
    ...(sha === undefined ? {} : { sha }),
  };
}
