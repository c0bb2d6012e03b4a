// Finds the risk items a pull request body points at: GitHub issues and pull requests (`#12`,
// `owner/repo#12`, issue/pull URLs on any host) and matches of the configured patterns.
// Adapters call it to know which items to look up; the linked-risks rule calls it to judge.
import { capBody } from "../../cap-body.js";
import { stripCode } from "../../markdown/strip-code.js";
import { stripHtmlComments } from "../../markdown/strip-html-comments.js";
import {
  compileUserPattern,
  createPatternBudget,
  matchUserPattern,
  type PatternBudget,
  type UserPattern,
} from "./user-pattern.js";

export interface RiskReferences {
  /** GitHub issues and pull requests as `owner/repo#12`, in order of appearance, deduplicated. */
  github: string[];
  /** Matches of the configured patterns, and `#12` when the repository is unknown. */
  other: string[];
  /** Messages for configured patterns that are not valid regular expressions. */
  errors: string[];
  /** More than MAX_RISK_REFERENCES distinct references: the rest were left out. */
  truncated: boolean;
  /** The patterns' search was stopped (too costly on this body): later matches may be missing. */
  patternsCut?: true;
}

/** Bounds the lookups an adapter makes for one body. */
export const MAX_RISK_REFERENCES = 50;

// Quantifiers are bounded (GitHub's own limits on owner and repository names) so that no
// pattern can backtrack far, whatever the body.
const OWNER = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
const REPO = "[A-Za-z0-9._-]{1,100}";
const URL_REF = new RegExp(
  `\\bhttps?://[^\\s/?#]{1,253}/(${OWNER})/(${REPO})/(?:issues|pull)/(0{0,9}[1-9]\\d{0,9})(?!\\d)`,
  "g",
);
const FULL_REF = new RegExp(
  `(?<![\\w./-])(${OWNER})/(${REPO})#(0{0,9}[1-9]\\d{0,9})(?![\\w])`,
  "g",
);
const SHORT_REF = /(?<![\w/#&.-])#(0{0,9}[1-9]\d{0,9})(?!\w)/g;

interface Found {
  index: number;
  github: boolean;
  ref: string;
}

function canonical(owner: string, repo: string, number: string): string {
  return `${owner}/${repo}#${Number(number)}`;
}

/** A pattern match that is itself a GitHub reference (`#\d+` is a common pattern). */
function asGitHubRef(text: string, repository: string | null): string | null {
  const short = /^#(\d{1,10})$/.exec(text);
  if (short !== null) return repository === null ? null : `${repository}#${Number(short[1])}`;
  const full = new RegExp(`^(${OWNER})/(${REPO})#(\\d{1,10})$`).exec(text);
  if (full !== null) return canonical(full[1] ?? "", full[2] ?? "", full[3] ?? "");
  const url = new RegExp(`^${URL_REF.source}`).exec(text);
  return url === null ? null : canonical(url[1] ?? "", url[2] ?? "", url[3] ?? "");
}

function compilePatterns(patterns: readonly string[]): {
  compiled: UserPattern[];
  errors: string[];
} {
  const compiled: UserPattern[] = [];
  const errors: string[] = [];
  patterns.forEach((source, i) => {
    // The config schema refuses these already; a config built in code may still carry one.
    const result = compileUserPattern(source);
    if (result.ok) compiled.push(result.pattern);
    else {
      errors.push(
        `\`rules.linked-risks.patterns[${i}]\` ${result.reason}: fix or remove it in .github/shipgate.yml`,
      );
    }
  });
  return { compiled, errors };
}

/**
 * Each kind of reference keeps only its first MAX_RISK_REFERENCES + 1 distinct matches: enough
 * to know the first MAX_RISK_REFERENCES overall, and bounded on a hostile body.
 */
function collect(
  text: string,
  repository: string | null,
  patterns: readonly UserPattern[],
  budget: PatternBudget,
): Found[] {
  const found: Found[] = [];
  const scan = <M extends { index: number }>(
    matches: Iterable<M>,
    read: (m: M) => Omit<Found, "index"> | null,
  ): void => {
    const seen = new Set<string>();
    for (const m of matches) {
      const hit = read(m);
      if (hit === null || seen.has(hit.ref.toLowerCase())) continue;
      seen.add(hit.ref.toLowerCase());
      found.push({ index: m.index, ...hit });
      if (seen.size > MAX_RISK_REFERENCES) return;
    }
  };
  const github = (m: RegExpExecArray): Omit<Found, "index"> => ({
    github: true,
    ref: canonical(m[1] ?? "", m[2] ?? "", m[3] ?? ""),
  });
  scan(text.matchAll(URL_REF), github);
  scan(text.matchAll(FULL_REF), github);
  scan(text.matchAll(SHORT_REF), (m) => {
    const ref = repository === null ? null : `${repository}#${Number(m[1])}`;
    return { github: ref !== null, ref: ref ?? m[0] };
  });
  for (const pattern of patterns) {
    scan(matchUserPattern(pattern, text, budget), (m) => {
      const ref = asGitHubRef(m.text, repository);
      return { github: ref !== null, ref: ref ?? m.text };
    });
  }
  return found;
}

/**
 * References inside code spans, code blocks and HTML comments are ignored. Duplicates are
 * dropped ignoring case (GitHub names are case-insensitive); the first spelling is kept.
 */
export function findRiskReferences(
  body: string,
  patterns: readonly string[],
  repository: string | null,
): RiskReferences {
  const { compiled, errors } = compilePatterns(patterns);
  // Capped here too: adapters call this with the raw body to know which items to look up.
  const text = stripCode(stripHtmlComments(capBody(body)));
  const budget = createPatternBudget();
  const found = collect(text, repository, compiled, budget).sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  const result: RiskReferences = { github: [], other: [], errors, truncated: false };
  if (budget.cut) result.patternsCut = true;
  for (const { github, ref } of found) {
    const key = ref.toLowerCase();
    if (seen.has(key)) continue;
    if (seen.size >= MAX_RISK_REFERENCES) {
      result.truncated = true;
      break;
    }
    seen.add(key);
    (github ? result.github : result.other).push(ref);
  }
  return result;
}
