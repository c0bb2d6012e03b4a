// The cases on which shipgate's coverage rule and diff-cover 7.4 must give the same figures.
// Coverage comes from markers in the head files: hit() ran, miss() did not, half() ran with
// only some branches taken; other lines are not executable (see coverage-from-source.ts).
import { source } from "./coverage-from-source.js";
import type { CoverageCase, ReportSpec } from "./make-case-repo.js";

const lcov: ReportSpec[] = [{ format: "lcov" }];
const cobertura: ReportSpec[] = [{ format: "cobertura" }];

const six = source(
  "function a() {",
  "  one = hit();",
  "  two = hit();",
  "  three = hit();",
  "  four = hit();",
  "}",
);
const sixChanged = source(
  "function a() {",
  "  one = hit();",
  "  two = miss(); // changed",
  "  three = hit(); // changed",
  "  four = miss(); // changed",
  "}",
);
/** Four changed lines, three of them hit and one missed; two reports split the hits. */
const fourChanged = source(
  "function a() {",
  "  one = hit();",
  "  two = hit(); // changed",
  "  three = hit(2); // changed",
  "  four = miss(); // changed",
  "  five = hit(); // changed",
  "}",
);

const crlf = (text: string): string => text.replace(/\n/g, "\r\n");

export const agreementCases: CoverageCase[] = [
  {
    name: "one file, modified lines (LCOV)",
    base: { "src/a.js": six },
    head: { "src/a.js": sixChanged },
    reports: lcov,
  },
  {
    name: "one file, modified lines (Cobertura)",
    base: { "src/a.js": six },
    head: { "src/a.js": sixChanged },
    reports: cobertura,
  },
  {
    name: "several files (LCOV)",
    base: { "src/a.js": six, "src/b.js": six, "lib/c.js": six },
    head: {
      "src/a.js": sixChanged,
      "src/b.js": source("function a() {", "  one = miss();", "  two = hit();", "}"),
      "lib/c.js": source(
        "function a() {",
        "  one = hit();",
        "  two = hit();",
        "  five = half();",
        "}",
      ),
    },
    reports: lcov,
  },
  {
    name: "additions only, inserted in the middle (Cobertura)",
    base: { "src/a.js": six },
    head: {
      "src/a.js": source(
        "function a() {",
        "  one = hit();",
        "  inserted1 = miss();",
        "  inserted2 = hit();",
        "",
        "  inserted3 = miss();",
        "  two = hit();",
        "  three = hit();",
        "  four = hit();",
        "}",
      ),
    },
    reports: cobertura,
  },
  {
    name: "new file (LCOV)",
    base: { "README.md": "# x\n" },
    head: { "src/new.js": source("export function f() {", "  return hit();", "}", "g = miss();") },
    reports: lcov,
  },
  {
    name: "deleted file next to a modified one (Cobertura)",
    base: { "src/a.js": six, "src/gone.js": six },
    head: { "src/a.js": sixChanged, "src/gone.js": null },
    reports: cobertura,
  },
  {
    name: "renamed file without edits (LCOV)",
    base: { "src/old-name.js": six, "src/a.js": six },
    head: { "src/a.js": sixChanged },
    renames: [["src/old-name.js", "src/new-name.js"]],
    reports: lcov,
  },
  {
    name: "renamed file with edits (Cobertura)",
    base: {
      "src/old-name.js": source(
        "function a() {",
        "  1 = hit();",
        "  2 = hit();",
        "  3 = hit();",
        "  4 = hit();",
        "  5 = hit();",
        "  6 = hit();",
        "  7 = hit();",
        "}",
      ),
    },
    head: {
      "lib/new-name.js": source(
        "function a() {",
        "  1 = hit();",
        "  2 = miss(); // edited",
        "  3 = hit();",
        "  4 = hit();",
        "  5 = hit();",
        "  6 = hit();",
        "  7 = hit();",
        "  8 = miss();",
        "}",
      ),
    },
    renames: [["src/old-name.js", "lib/new-name.js"]],
    reports: cobertura,
  },
  {
    name: "changed lines the report does not record: comments and blank lines (LCOV)",
    base: { "src/a.js": six },
    head: {
      "src/a.js": source(
        "function a() {",
        "  // a new comment",
        "",
        "  one = miss();",
        "  two = hit();",
        "  /* another",
        "     comment */",
        "  three = hit();",
        "  four = hit();",
        "}",
      ),
    },
    reports: lcov,
  },
  {
    name: "changed file that no report mentions (Cobertura)",
    base: { "src/a.js": six, "scripts/tool.js": six },
    head: { "src/a.js": sixChanged, "scripts/tool.js": sixChanged },
    reports: [{ format: "cobertura", include: (path) => path.startsWith("src/") }],
  },
  {
    name: "partly taken branches count as covered (LCOV BRDA)",
    base: { "src/a.js": six },
    head: {
      "src/a.js": source(
        "function a() {",
        "  one = hit();",
        "  if (x) half();",
        "  three = half();",
        "  four = miss();",
        "}",
      ),
    },
    reports: lcov,
  },
  {
    name: "partly taken branches count as covered (Cobertura condition-coverage)",
    base: { "src/a.js": six },
    head: {
      "src/a.js": source(
        "function a() {",
        "  one = hit();",
        "  if (x) half();",
        "  three = half();",
        "  four = miss();",
        "}",
      ),
    },
    reports: cobertura,
  },
  {
    name: "zero coverable changed lines (LCOV)",
    base: { "src/a.js": six },
    head: {
      "src/a.js": source(
        "function a() { // changed",
        "  one = hit();",
        "  two = hit();",
        "  three = hit();",
        "  four = hit();",
        "} // changed",
      ),
    },
    reports: lcov,
  },
  {
    name: "CRLF line endings (LCOV)",
    base: { "src/win.js": crlf(six) },
    head: { "src/win.js": crlf(sixChanged) },
    reports: lcov,
  },
  {
    name: "CRLF line endings (Cobertura)",
    base: { "src/win.js": crlf(six) },
    head: { "src/win.js": crlf(sixChanged) + crlf(source("extra = miss();", "more = hit();")) },
    reports: cobertura,
  },
  {
    name: "file name with spaces (LCOV)",
    base: { "src/my module.js": six },
    head: { "src/my module.js": sixChanged },
    reports: lcov,
  },
  {
    name: "file name with spaces (Cobertura)",
    base: { "src/my module.js": six },
    head: { "src/my module.js": sixChanged, "src/other file.js": source("x = miss();") },
    reports: cobertura,
  },
  {
    name: "nested directories (LCOV)",
    base: { "packages/shop/src/cart/total.js": six },
    head: {
      "packages/shop/src/cart/total.js": sixChanged,
      "packages/shop/src/cart/tax/rates.js": source("rate = hit();", "other = miss();"),
    },
    reports: lcov,
  },
  {
    name: "nested directories, Cobertura with an absolute <source> root",
    base: { "packages/shop/src/cart/total.js": six },
    head: {
      "packages/shop/src/cart/total.js": sixChanged,
      "packages/shop/src/cart/tax/rates.js": source("rate = hit();", "other = miss();"),
    },
    reports: [{ format: "cobertura", sourceRoot: (repoDir) => repoDir }],
  },
  {
    name: "hit counts above one (LCOV)",
    base: { "src/a.js": six },
    head: {
      "src/a.js": source(
        "function a() {",
        "  one = hit(12);",
        "  two = hit(3);",
        "  three = miss();",
        "  four = hit(1);",
        "}",
      ),
    },
    reports: lcov,
  },
  {
    name: "main moved on after the branch point: only the branch's changes count (LCOV)",
    base: { "src/a.js": six, "src/b.js": six },
    head: { "src/a.js": sixChanged },
    mainAfter: { "src/b.js": sixChanged },
    reports: lcov,
  },
  {
    name: "lines only deleted from a file (Cobertura)",
    base: { "src/a.js": six, "src/b.js": six },
    head: {
      "src/a.js": source("function a() {", "  one = hit();", "  four = hit();", "}"),
      "src/b.js": sixChanged,
    },
    reports: cobertura,
  },
  {
    name: "two Cobertura reports whose hits add up",
    base: { "src/a.js": six },
    head: {
      "src/a.js": fourChanged,
    },
    reports: [
      { format: "cobertura", hits: (record) => (record.line % 2 === 0 ? record.hits : 0) },
      { format: "cobertura", hits: (record) => (record.line % 2 === 1 ? record.hits : 0) },
    ],
  },
  {
    name: "two Cobertura reports measuring different files",
    base: { "src/a.js": six, "lib/b.js": six },
    head: { "src/a.js": sixChanged, "lib/b.js": sixChanged },
    reports: [
      { format: "cobertura", include: (path) => path.startsWith("src/") },
      { format: "cobertura", include: (path) => path.startsWith("lib/") },
    ],
  },
  {
    name: "two LCOV reports of the same files whose hits add up",
    base: { "src/a.js": six },
    head: {
      "src/a.js": fourChanged,
    },
    reports: [
      { format: "lcov", hits: (record) => (record.line % 2 === 0 ? record.hits : 0) },
      { format: "lcov", hits: (record) => (record.line % 2 === 1 ? record.hits : 0) },
    ],
  },
  {
    name: "Python and TypeScript files in one report (Cobertura)",
    base: { "app/models.py": six, "web/src/view.ts": six },
    head: {
      "app/models.py": sixChanged,
      "web/src/view.ts": sixChanged,
      "docs/guide.md": "hit() in prose\n",
    },
    reports: [{ format: "cobertura", include: (path) => !path.endsWith(".md") }],
  },
];
