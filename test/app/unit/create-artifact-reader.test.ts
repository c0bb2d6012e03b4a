// createArtifactReader forks the bundled reader (build/artifact-worker.mjs, built by
// test/global-setup.mjs): what a reader that runs out of memory or time gives back.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createArtifactReader } from "../../../app/coverage/create-artifact-reader.js";
import { makeZip } from "../../github/make-zip.js";

const workerUrl = pathToFileURL(path.resolve("build/artifact-worker.mjs"));
const lcov = (lines: number) =>
  `SF:src/a.ts\n${Array.from({ length: lines }, (_, i) => `DA:${i + 1},1`).join("\n")}\nend_of_record\n`;

describe("createArtifactReader", () => {
  it("reads the reports of an artifact in its own process", async () => {
    const read = createArtifactReader({ workerUrl });
    const facts = await read(makeZip({ "lcov.info": lcov(3) }), "artifact coverage");
    expect(facts.errors).toEqual([]);
    expect(facts.reports).toHaveLength(1);
  });

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
});
