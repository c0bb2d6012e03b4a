// Finds the issues and pull requests a description says this change depends on: the references
// that follow a keyword (`Depends on #12`, `Blocked by owner/repo#34`, `Requires <url>`) on the
// same line. Code, HTML comments and quoted lines are ignored; references are parsed exactly as
// linked-risks parses them.
import { capBody } from "../../cap-body.js";
import { stripCode } from "../../markdown/strip-code.js";
import { stripHtmlComments } from "../../markdown/strip-html-comments.js";
import { findRiskReferences, MAX_RISK_REFERENCES } from "../linked-risks/find-risk-references.js";

export interface Dependencies {
  /** `owner/repo#12`, in order of appearance, deduplicated ignoring case. */
  github: string[];
  /** `#12` written where the repository is unknown. */
  other: string[];
  /** More than MAX_RISK_REFERENCES: the rest were left out. */
  truncated: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function findDependencies(
  body: string,
  keywords: readonly string[],
  repository: string | null,
): Dependencies {
  const result: Dependencies = { github: [], other: [], truncated: false };
  if (keywords.length === 0) return result;
  // Longest first, so that `blocked by` wins over a configured `blocked`.
  const alternatives = [...keywords]
    .sort((a, b) => b.length - a.length)
    .map((k) => escapeRegExp(k.trim()).replace(/\s+/g, "\\s+"));
  const keyword = new RegExp(`(?<![\\w])(?:${alternatives.join("|")})(?![\\w])`, "i");
  const seen = new Set<string>();
  const text = stripCode(stripHtmlComments(capBody(body)));
  for (const line of text.split(/\r?\n/)) {
    if (/^\s{0,3}>/.test(line)) continue;
    const match = keyword.exec(line);
    if (match === null) continue;
    const refs = findRiskReferences(line.slice(match.index + match[0].length), [], repository);
    for (const [list, found] of [
      [result.github, refs.github],
      [result.other, refs.other],
    ] as const) {
      for (const ref of found) {
        if (seen.has(ref.toLowerCase())) continue;
        if (seen.size >= MAX_RISK_REFERENCES) {
          result.truncated = true;
          return result;
        }
        seen.add(ref.toLowerCase());
        list.push(ref);
      }
    }
  }
  return result;
}
