import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { findReportFiles } from "../../../shared/node/coverage/find-report-files.js";

describe("findReportFiles", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "shipgate-find-"));
    for (const file of [
      "coverage/lcov.info",
      "packages/a/coverage/lcov.info",
      "packages/b/coverage/lcov.info",
      "packages/b/coverage/clover.xml",
      "node_modules/dep/coverage/lcov.info",
      ".hidden/coverage/lcov.info",
    ]) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), "TN:\n");
    }
    mkdirSync(join(root, "dir.info"));
    symlinkSync(join(root, "coverage/lcov.info"), join(root, "packages/a/linked.info"));
    symlinkSync(join(root, "nowhere"), join(root, "packages/a/dangling.info"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    [["coverage/lcov.info"], ["coverage/lcov.info"]],
    [["./coverage/lcov.info"], ["coverage/lcov.info"]],
    [["missing/lcov.info"], []],
    [["dir.info"], ["dir.info"]],
    [
      ["packages/*/coverage/lcov.info"],
      ["packages/a/coverage/lcov.info", "packages/b/coverage/lcov.info"],
    ],
    [
      ["**/lcov.info"],
      [
        ".hidden/coverage/lcov.info",
        "coverage/lcov.info",
        "packages/a/coverage/lcov.info",
        "packages/b/coverage/lcov.info",
      ],
    ],
    [
      ["packages/**/*.info"],
      ["packages/a/coverage/lcov.info", "packages/a/linked.info", "packages/b/coverage/lcov.info"],
    ],
    [
      ["packages/b/**/*.{info,xml}", "packages/b/coverage/lcov.info"],
      ["packages/b/coverage/clover.xml", "packages/b/coverage/lcov.info"],
    ],
    [["node_modules/dep/coverage/lcov.info"], ["node_modules/dep/coverage/lcov.info"]],
    [[], []],
  ])("%j finds %j", async (patterns, expected) => {
    expect((await findReportFiles(patterns, root)).files).toEqual(expected);
  });

  it("keeps absolute patterns absolute", async () => {
    const found = await findReportFiles([join(root, "packages/*/coverage/clover.xml")], root);
    expect(found.files).toEqual([join(root, "packages/b/coverage/clover.xml")]);
  });

  it("lists the literal paths with nothing there, and no glob", async () => {
    const found = await findReportFiles(
      ["missing/lcov.info", "coverage/lcov.info", "nothing/**/*.info"],
      root,
    );
    expect(found).toEqual({ files: ["coverage/lcov.info"], missing: ["missing/lcov.info"] });
  });
});
