// createArtifactReader forks the bundled reader (build/artifact-worker.mjs, built by
// test/global-setup.mjs): what a reader that runs out of memory or time gives back.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getPriority } from "node:os";
import {
  createArtifactReader,
  READER_NICENESS,
} from "../../../app/coverage/create-artifact-reader.js";
import { makeZip } from "../../github/make-zip.js";
import {
  findDescendants,
  readProcessTable,
  type ProcessEntry,
} from "../../process-guard/find-leftover-processes.mjs";
import { makeFacts, makeFile } from "../../builders/make-facts.js";
import { parseConfig } from "../../../shared/core/config/parse-config.js";
import { evaluate } from "../../../shared/core/evaluate.js";
import { renderJudgement, type JudgementRequest } from "../../../app/render-judgement.js";

const workerUrl = pathToFileURL(path.resolve("build/artifact-worker.mjs"));
const lcov = (lines: number) =>
  `SF:src/a.ts\n${Array.from({ length: lines }, (_, i) => `DA:${i + 1},1`).join("\n")}\nend_of_record\n`;

/**
 * This process's readers (children running the artifact worker), from /proc (Linux). Jest on two
 * cores runs every suite in one process, so other suites' children can be children of this
 * process too: only the reader's command line counts.
 */
function readersOf(parent: number): ProcessEntry[] {
  return findDescendants(readProcessTable(), parent).filter(
    (entry) => entry.ppid === parent && entry.command.includes("artifact-worker"),
  );
}

describe("createArtifactReader", () => {
  it("reads the reports of an artifact in its own process", async () => {
    const read = createArtifactReader({ workerUrl });
    const facts = await read(makeZip({ "lcov.info": lcov(3) }), "artifact coverage");
    expect(facts.errors).toEqual([]);
    expect(facts.reports).toHaveLength(1);
  });

  it("reads at a lower priority than the App (nice +10), so the App's process comes first", async () => {
    const read = createArtifactReader({ workerUrl });
    const reading = read(makeZip({ "lcov.info": lcov(400_000) }), "artifact coverage");
    const niceness = await new Promise<number>((resolve, reject) => {
      const deadline = Date.now() + 20_000;
      const look = () => {
        const child = readersOf(process.pid)[0];
        if (child) resolve(child.nice);
        else if (Date.now() > deadline) reject(new Error("no reader process appeared"));
        else setTimeout(look, 5);
      };
      look();
    });
    expect(niceness).toBe(Math.min(19, getPriority() + READER_NICENESS));
    expect((await reading).errors).toEqual([]);
  }, 30_000);

  it("names the limit when the artifact unpacks past it", async () => {
    const read = createArtifactReader({ workerUrl, maxBytes: 1024 * 1024 });
    const facts = await read(makeZip({ "lcov.info": lcov(200_000) }), "artifact coverage");
    expect(facts.errors).toEqual([
      { source: "artifact coverage", message: expect.stringMatching(/unpacks to more than 1 MB/) },
    ]);
  });

  it("a reader out of memory is a coverage error, not a crash", async () => {
    const read = createArtifactReader({ workerUrl, heapMb: 16 });
    const facts = await read(makeZip({ "lcov.info": lcov(2_000_000) }), "artifact coverage");
    expect(facts.reports).toEqual([]);
    expect(facts.errors).toEqual([
      {
        source: "artifact coverage",
        message: "needs more than 16 MB of memory to read; upload smaller reports",
      },
    ]);
  }, 30_000);

  it("a reader past its deadline is stopped and named", async () => {
    const read = createArtifactReader({ workerUrl, timeoutMs: 1 });
    const facts = await read(makeZip({ "lcov.info": lcov(3) }), "artifact coverage");
    expect(facts.errors).toEqual([
      { source: "artifact coverage", message: "took longer than 0.001 s to read; it was stopped" },
    ]);
  });

  describe("evaluate", () => {
    const config = () => {
      const parsed = parseConfig("rules:\n  coverage: { level: block }\n", "shipgate.yml");
      if (!parsed.ok) throw new Error("valid config");
      return parsed.config;
    };
    const facts = makeFacts({
      files: [makeFile({ path: "src/a.ts", additions: 3, addedLines: [1, 2, 3] })],
    });

    const render = (keepVerdict: boolean): JudgementRequest => ({
      publication: {
        comment: "auto",
        reviewComments: true,
        render: { fullReportHint: "The full report is in the shipgate check run." },
      },
      keepVerdict,
    });

    it("reads the artifact, judges and renders in the reader's process: the texts come back", async () => {
      const read = createArtifactReader({ workerUrl });
      const zip = () => makeZip({ "lcov.info": lcov(3) });
      const judgement = await read.evaluate({
        facts,
        config: config(),
        options: {},
        artifact: { zip: zip(), source: "artifact coverage" },
        render: render(true),
      });
      const verdict = evaluate(
        { ...facts, coverage: await read(zip(), "artifact coverage") },
        config(),
      );
      expect(judgement).toEqual(renderJudgement(verdict, render(true)));
      expect(judgement.verdict?.rules.find((rule) => rule.id === "coverage")?.status).toBe("pass");
    });

    it("sends the verdict back only when it is asked for", async () => {
      const read = createArtifactReader({ workerUrl });
      const judgement = await read.evaluate({
        facts,
        config: config(),
        options: {},
        artifact: {
          zip: makeZip({ "lcov.info": "SF:src/a.ts\nDA:1,0\nDA:2,0\nDA:3,1\nend_of_record\n" }),
          source: "artifact coverage",
        },
        render: render(false),
      });
      expect(judgement.verdict).toBeNull();
      expect(judgement.checkRun.conclusion).toBe("failure");
      expect(judgement.publication.comment.decision).toBe("create-or-update");
      expect(judgement.publication.review).toMatchObject({
        ranges: [{ path: "src/a.ts", startLine: 1, endLine: 2 }],
        total: 1,
      });
    });

    it("judges again with the reason as the coverage error when the artifact is too much", async () => {
      const read = createArtifactReader({ workerUrl, heapMb: 16 });
      const judgement = await read.evaluate({
        facts,
        config: config(),
        options: {},
        artifact: { zip: makeZip({ "lcov.info": lcov(2_000_000) }), source: "artifact coverage" },
        render: render(true),
      });
      const coverage = judgement.verdict?.rules.find((rule) => rule.id === "coverage");
      expect(coverage?.status).toBe("fail");
      expect(coverage?.details).toContain("needs more than 16 MB of memory to read");
      expect(judgement.checkRun.output.text).toContain("needs more than 16 MB of memory to read");
    }, 30_000);

    it("throws, naming why, when the evaluation itself cannot finish", async () => {
      const read = createArtifactReader({ workerUrl, timeoutMs: 1 });
      await expect(
        read.evaluate({
          facts,
          config: config(),
          options: {},
          artifact: null,
          render: render(false),
        }),
      ).rejects.toThrow("the evaluation took longer than 0.001 s");
    });
  });
});
