// Reads a root `.gitattributes` to tell which paths GitHub Linguist treats as generated or
// vendored, with git's own attribute semantics so the gate agrees with GitHub's diff view.
//
// Patterns are gitignore-like, except: `!pattern` lines are ignored (git forbids negation), and a
// pattern matches only the path itself — `vendor/` or `vendor` never covers `vendor/x.js`
// (write `vendor/**`). The last matching line that mentions an attribute decides it.
// `attr` and `attr=<anything but false>` set it; `-attr`, `attr=false` and `!attr` clear it.
// `[attr]name ...` macros are expanded where `name` is set.
import { readQuoted } from "../diff/unquote-git-path.js";
import { compilePathPattern } from "./compile-path-pattern.js";

export interface LinguistAttributes {
  generated: boolean;
  vendored: boolean;
}

type Attribute = keyof LinguistAttributes;
type Assignments = Partial<Record<Attribute, boolean>>;

interface AttributeRule {
  matches: (path: string) => boolean;
  assigns: Assignments;
}

const ATTRIBUTES: Record<string, Attribute> = {
  "linguist-generated": "generated",
  "linguist-vendored": "vendored",
};

/** Applies one attribute token (`attr`, `-attr`, `!attr`, `attr=value`) to `assigns`. */
function assign(token: string, assigns: Assignments, macros: Map<string, Assignments>): void {
  const state = token[0];
  const isPrefixed = state === "-" || state === "!";
  const equals = token.indexOf("=");
  const name = token.slice(isPrefixed ? 1 : 0, equals === -1 ? undefined : equals);
  const value = isPrefixed ? false : equals === -1 || token.slice(equals + 1) !== "false";
  const attribute = ATTRIBUTES[name];
  if (attribute !== undefined) assigns[attribute] = value;
  else if (value && equals === -1) Object.assign(assigns, macros.get(name));
}

/** Splits a line into its pattern (unquoted) and attribute tokens. */
function splitLine(line: string): { pattern: string; tokens: string[] } {
  const quoted = line.startsWith('"') ? readQuoted(line, 0) : null;
  const patternEnd = quoted?.end ?? line.search(/[ \t]|$/);
  const pattern = quoted?.value ?? line.slice(0, patternEnd);
  const tokens = line
    .slice(patternEnd)
    .split(/[ \t]+/)
    .filter((token) => token !== "");
  return { pattern, tokens };
}

function parseRules(text: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  const macros = new Map<string, Assignments>();
  for (const rawLine of text.split("\n")) {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const { pattern, tokens } = splitLine(line);
    const assigns: Assignments = {};
    for (const token of tokens) assign(token, assigns, macros);
    if (pattern.startsWith("[attr]")) {
      macros.set(pattern.slice("[attr]".length), assigns);
    } else if (!pattern.startsWith("!") && Object.keys(assigns).length > 0) {
      rules.push({ matches: compilePathPattern(pattern).matchesFile, assigns });
    }
  }
  return rules;
}

/** A lookup of the Linguist attributes of a path; `null` text means no `.gitattributes`. */
export function parseGitattributes(text: string | null): (path: string) => LinguistAttributes {
  const rules = text === null ? [] : parseRules(text);
  return (path) => {
    let generated: boolean | undefined;
    let vendored: boolean | undefined;
    for (let r = rules.length - 1; r >= 0; r -= 1) {
      if (generated !== undefined && vendored !== undefined) break;
      const rule = rules[r] as AttributeRule;
      const relevant =
        (generated === undefined && rule.assigns.generated !== undefined) ||
        (vendored === undefined && rule.assigns.vendored !== undefined);
      if (!relevant || !rule.matches(path)) continue;
      generated ??= rule.assigns.generated;
      vendored ??= rule.assigns.vendored;
    }
    return { generated: generated ?? false, vendored: vendored ?? false };
  };
}
