// Issue 8, item 2: a coverage artifact cannot stall or crash the App. A small zip that inflates
// to 250 MB of LCOV is refused at the inflate limit (32 MB by default) in a worker thread, with a
// failing coverage result that names the reason; /ping keeps answering; three at once leave no
// check in progress. Against the App as users run it (build/app.mjs), memory read from /proc.
import { randomBytes } from "node:crypto";
import {
  checkRunsOf,
  lcovBombZip,
  MB,
  seedCoveragePull,
  startAttackTarget,
  watchProcess,
  type AttackTarget,
} from "./app-attack-kit.js";
import { makeZip } from "../github/make-zip.js";
import { waitFor } from "../app/start-app.js";

let bomb: Buffer;
let target: AttackTarget;
beforeAll(async () => {
  bomb = await lcovBombZip(250 * MB);
  target = await startAttackTarget();
}, 60_000);
afterAll(() => target.close());

/** The check run's text with markdown escapes taken out. */
const textOf = (run: { output: { summary: string | null; text: string | null } } | undefined) =>
  `${run?.output.summary}\n${run?.output.text}`.replace(/\\/g, "");

const settled = (headSha: string) =>
  expect(checkRunsOf(target.sim, headSha)).toEqual({
    completed: [expect.anything()],
    inProgress: [],
  });

describe("a coverage artifact that inflates to 250 MB", () => {
  it("is refused at the limit: the check fails naming why, and /ping keeps answering", async () => {
    expect(bomb.length).toBeLessThan(5 * MB);
    const pull = seedCoveragePull(target.sim, 41, bomb);
    const watch = watchProcess(target.app);
    await target.app.send("workflow_run", pull.event);
    await waitFor(() => settled(pull.headSha), 60_000);
    const figures = await watch.stop();

    const [run] = checkRunsOf(target.sim, pull.headSha).completed;
    expect(run?.conclusion).toBe("failure");
    expect(textOf(run)).toMatch(
      /unpacks to more than 32 MB, the App's limit \(COVERAGE_ARTIFACT_MAX_MB\)/,
    );
    expect(figures.failedPings).toBe(0);
    expect(figures.longestPingMs).toBeLessThan(1_000);
    expect(figures.peakRssMb).toBeLessThan(600);
  }, 90_000);

  it("three at once: the process lives, every check completes, none is left in progress", async () => {
    const pulls = [42, 43, 44].map((number) => seedCoveragePull(target.sim, number, bomb));
    const watch = watchProcess(target.app);
    await Promise.all(pulls.map((pull) => target.app.send("workflow_run", pull.event)));
    await waitFor(() => pulls.forEach((pull) => settled(pull.headSha)), 90_000);
    const figures = await watch.stop();
    for (const pull of pulls)
      expect(checkRunsOf(target.sim, pull.headSha).completed[0]?.conclusion).toBe("failure");
    expect(figures.survived).toBe(true);
    expect(figures.failedPings).toBe(0);
    expect(figures.longestPingMs).toBeLessThan(1_000);
    expect(figures.peakRssMb).toBeLessThan(600);
  }, 120_000);

  it("an ordinary artifact is still read and judged (the control case)", async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `DA:${i + 1},1`).join("\n");
    const zip = makeZip({ "lcov.info": `SF:src/module-1.ts\n${lines}\nend_of_record\n` });
    const pull = seedCoveragePull(target.sim, 45, zip);
    await target.app.send("workflow_run", pull.event);
    await waitFor(() => settled(pull.headSha), 60_000);
    const [run] = checkRunsOf(target.sim, pull.headSha).completed;
    expect(run?.conclusion).toBe("success");
  }, 90_000);
});

describe("COVERAGE_ARTIFACT_MAX_MB", () => {
  /** The completed check run of a pull request whose artifact is `zip`, on an App limited to 1 MB. */
  async function judgedAtOneMegabyte(number: number, zip: Buffer) {
    const small = await startAttackTarget({ COVERAGE_ARTIFACT_MAX_MB: "1" });
    try {
      const pull = seedCoveragePull(small.sim, number, zip);
      await small.app.send("workflow_run", pull.event);
      await waitFor(
        () => expect(checkRunsOf(small.sim, pull.headSha).completed).toHaveLength(1),
        60_000,
      );
      const zipRequests = small.sim.requests.filter((r) => r.path.endsWith("/zip"));
      return { run: checkRunsOf(small.sim, pull.headSha).completed[0], zipRequests };
    } finally {
      await small.close();
    }
  }

  it("sets the limit", async () => {
    const { run } = await judgedAtOneMegabyte(46, await lcovBombZip(2 * MB));
    expect(run?.conclusion).toBe("failure");
    expect(textOf(run)).toMatch(/unpacks to more than 1 MB/);
  }, 90_000);

  it("refuses a zip larger than the limit before downloading it", async () => {
    const noise = makeZip({ "lcov.info": randomBytes(2 * MB).toString("base64") });
    const { run, zipRequests } = await judgedAtOneMegabyte(47, noise);
    expect(run?.conclusion).toBe("failure");
    expect(textOf(run)).toMatch(
      /the artifact is 2\.\d MB, over the 1\.0 MB limit \(COVERAGE_ARTIFACT_MAX_MB\), so it was not downloaded/,
    );
    expect(zipRequests).toEqual([]);
  }, 90_000);
});
