// Test helper: writes LCOV and Cobertura reports from line records, the way coverage tools do.
import type { LineRecord } from "./coverage-from-source.js";

export interface ReportEntry {
  /** The path as the report names the file. */
  path: string;
  records: LineRecord[];
}

export interface LcovOptions {
  /** lcov 2.x records: `VER`, and functions as `FNL`/`FNA` instead of `FN`/`FNDA`. */
  lcov2?: boolean;
}

export function toLcov(entries: readonly ReportEntry[], options: LcovOptions = {}): string {
  return entries
    .map(({ path, records }) => {
      const out = ["TN:", `SF:${path}`];
      const first = records[0];
      if (options.lcov2) {
        out.push("VER:2.0-1");
        if (first) out.push(`FNL:0,${first.line},${records[records.length - 1]?.line}`);
        if (first) out.push(`FNA:0,${first.hits},main`);
      } else if (first) {
        out.push(`FN:${first.line},main`, `FNDA:${first.hits},main`);
      }
      out.push(`FNF:${first ? 1 : 0}`, `FNH:${first && first.hits > 0 ? 1 : 0}`);
      for (const { line, hits } of records) out.push(`DA:${line},${hits}`);
      const branching = records.filter((record) => record.partial);
      for (const { line } of branching) out.push(`BRDA:${line},0,0,1`, `BRDA:${line},0,1,0`);
      out.push(`BRF:${branching.length * 2}`, `BRH:${branching.length}`);
      out.push(`LF:${records.length}`, `LH:${records.filter((r) => r.hits > 0).length}`);
      out.push("end_of_record");
      return out.join("\n") + "\n";
    })
    .join("");
}

export interface CoberturaOptions {
  /** `<source>` roots; file names are then written relative to the first. */
  sources?: string[];
}

export function toCobertura(
  entries: readonly ReportEntry[],
  options: CoberturaOptions = {},
): string {
  const sources = (options.sources ?? []).map((root) => `    <source>${xml(root)}</source>`);
  const classes = entries.map(({ path, records }) => {
    const lines = records.map(({ line, hits, partial }) =>
      partial
        ? `            <line number="${line}" hits="${hits}" branch="true" condition-coverage="50% (1/2)"/>`
        : `            <line number="${line}" hits="${hits}" branch="false"/>`,
    );
    const name = path.slice(path.lastIndexOf("/") + 1);
    return [
      `        <class name="${xml(name)}" filename="${xml(path)}" line-rate="${rate(records)}" branch-rate="0" complexity="0">`,
      "          <methods/>",
      "          <lines>",
      ...lines,
      "          </lines>",
      "        </class>",
    ].join("\n");
  });
  const all = entries.flatMap((entry) => entry.records);
  return [
    '<?xml version="1.0" ?>',
    `<coverage version="7.4" timestamp="1700000000000" line-rate="${rate(all)}" branch-rate="0" ` +
      `lines-covered="${all.filter((r) => r.hits > 0).length}" lines-valid="${all.length}" ` +
      'branches-covered="0" branches-valid="0" complexity="0">',
    ...(sources.length > 0 ? ["  <sources>", ...sources, "  </sources>"] : []),
    "  <packages>",
    `    <package name="." line-rate="${rate(all)}" branch-rate="0" complexity="0">`,
    "      <classes>",
    ...classes,
    "      </classes>",
    "    </package>",
    "  </packages>",
    "</coverage>",
    "",
  ].join("\n");
}

function rate(records: readonly LineRecord[]): string {
  return records.length === 0
    ? "1"
    : (records.filter((r) => r.hits > 0).length / records.length).toFixed(4);
}

function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
