// Hostile pull request text against the rules: 60 MB descriptions through the CLI process (time,
// peak RSS), and catastrophic linked-risks patterns against 64 KB descriptions in-process, at two
// sizes to show the cost growing linearly. Figures, not pass/fail: test/security/core-*.test.ts
// holds the bounds. Run through tsx after `node scripts/build.mjs --cli`.
import { parseConfig } from "../../shared/core/config/parse-config.js";
import { evaluate } from "../../shared/core/evaluate.js";
import { makeFacts } from "../../test/builders/make-facts.js";
import { MB, makeCheckRepo, runCheck, verdictOf } from "../../test/security/core-cli-kit.js";
// @ts-expect-error plain JavaScript helper shared with the process benchmark
import { median } from "./measure.mjs";

const SHAPES: [string, string][] = [
  ["backticks", "`"],
  ["alternating backticks", "` "],
  ["headings", "## Rollout\n"],
  ["unclosed tags", "<"],
  ["unclosed links", "[a]("],
  ["nested brackets", "[[[[]]]]"],
];
const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length));

console.log("\n## 60 MB descriptions through `shipgate check` (one process each)");
console.log("| shape | time (s) | peak RSS (MB) | exit | notes |");
console.log("|---|---|---|---|---|");
const repo = makeCheckRepo("rules:\n  coverage: { missing-report: skip }\n");
try {
  for (const [name, unit] of SHAPES) {
    const run = runCheck(repo, Buffer.from(fill(unit, 60 * MB)), { timeoutMs: 300_000 });
    const cut = run.code === 1 && verdictOf(run).notes.some((n) => n.includes("were read"));
    console.log(
      `| ${name} | ${(run.ms / 1000).toFixed(1)} | ${run.peakRssMb.toFixed(0)} | ${run.code} | ${cut ? "cut to 65,536 characters" : "-"} |`,
    );
  }
} finally {
  repo.remove();
}

const PATTERNS = ["(a+)+$", "(a|aa)+$", "(.*a){20}", "^(\\w+\\s?)*$", "RISK-\\d+"];
console.log("\n## linked-risks patterns (RE2) in evaluate, median of 5 runs (ms)");
console.log("| pattern | 16 KB of a's + ! | 64 KB of a's + ! | 64 KB of words + ! |");
console.log("|---|---|---|---|");
for (const pattern of PATTERNS) {
  const parsed = parseConfig(
    `rules:\n  coverage: { level: off }\n  linked-risks: { patterns: ['${pattern}'] }\n`,
    ".github/shipgate.yml",
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const timeOf = (body: string): string => {
    const runs = Array.from({ length: 5 }, () => {
      const started = performance.now();
      evaluate(makeFacts({ body }), parsed.config);
      return performance.now() - started;
    });
    return (median(runs) as number).toFixed(1);
  };
  const words = `${"word ".repeat(13_107).slice(0, 65_535)}!`;
  console.log(
    `| \`${pattern.replaceAll("|", "\\|")}\` | ${timeOf(`${"a".repeat(16_383)}!`)} | ${timeOf(`${"a".repeat(65_535)}!`)} | ${timeOf(words)} |`,
  );
}
