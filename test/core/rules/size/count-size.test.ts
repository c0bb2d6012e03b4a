// countSize must give the size rule's own figures for any files, .gitattributes and excludes.
import fc from "fast-check";
import { parseConfig } from "../../../../shared/core/config/parse-config.js";
import { evaluate } from "../../../../shared/core/evaluate.js";
import { countSize } from "../../../../shared/core/rules/size/count-size.js";
import { makeFacts, makeFile } from "../../../builders/make-facts.js";

const paths = fc.constantFrom(
  "src/a.ts",
  "src/gen/b.ts",
  "gen/c.ts",
  "vendor/d.js",
  "package-lock.json",
  "web/yarn.lock",
  "x.snap",
  "docs/e.md",
  "docs/keep.md",
);
const file = fc.record({
  path: paths,
  additions: fc.nat(500),
  deletions: fc.nat(500),
  binary: fc.boolean(),
});
const gitattributes = fc.constantFrom(
  null,
  "gen/** linguist-generated\n",
  "vendor/** linguist-vendored\nsrc/gen/** linguist-generated=true\n",
);
const exclude = fc.subarray(["**/*.snap", "docs/**", "!docs/keep.md"]);

describe("countSize", () => {
  it("agrees with the size rule's metrics", () => {
    fc.assert(
      fc.property(
        fc.array(file, { maxLength: 12 }),
        gitattributes,
        exclude,
        (files, attrs, globs) => {
          const parsed = parseConfig(
            `rules:\n  size:\n    exclude: ${JSON.stringify(globs)}\n`,
            "c.yml",
          );
          if (!parsed.ok) throw new Error("config");
          const changed = files.map((f) =>
            makeFile({
              ...f,
              additions: f.binary ? 0 : f.additions,
              deletions: f.binary ? 0 : f.deletions,
            }),
          );
          const size = evaluate(
            makeFacts({ files: changed, gitattributes: attrs }),
            parsed.config,
          ).rules.find((rule) => rule.id === "size");
          const counted = countSize(changed, attrs, parsed.config.rules.size);
          expect(counted).toEqual({
            lines: size?.metrics.lines,
            files: size?.metrics.files,
            excludedFiles: size?.metrics.excludedFiles,
            bucket: size?.metrics.bucket,
          });
        },
      ),
    );
  });
});
