// Issue 8, item 1: whoever can reach the webhook URL cannot exhaust the App's memory. Bodies over
// GitHub's 25 MB cap are refused (413) from Content-Length or while streaming, before any HMAC or
// JSON work; memory is read from the App's own process (build/app.mjs).
import { pullRequestEvent } from "../app/payload-builders.js";
import { waitFor } from "../app/start-app.js";
import {
  MB,
  postHugeBody,
  postSigned,
  startAttackTarget,
  watchProcess,
  type AttackTarget,
} from "./app-attack-kit.js";

let target: AttackTarget;
beforeAll(async () => {
  target = await startAttackTarget();
}, 30_000);
afterAll(() => target.close());

describe("webhook bodies over GitHub's 25 MB cap", () => {
  it.each([
    ["declared in Content-Length", "honest"],
    ["streamed chunked, with no Content-Length", "absent"],
  ] as const)(
    "an unsigned 200 MB POST %s gets 413 at once, and memory stays bounded",
    async (_name, contentLength) => {
      const watch = watchProcess(target.app);
      const result = await postHugeBody(target.app.url, 200 * MB, contentLength);
      const figures = await watch.stop();
      expect(result.status).toBe(413);
      expect(result.ms).toBeLessThan(5_000);
      // Read no further than the cap (plus what was in flight in the socket buffers).
      expect(result.sentBytes).toBeLessThan(80 * MB);
      expect(figures.survived).toBe(true);
      expect(figures.peakRssMb).toBeLessThan(400);
    },
  );

  it("a Content-Length that understates the body does not let the rest through", async () => {
    const result = await postHugeBody(target.app.url, 200 * MB, 1000);
    expect(result.ms).toBeLessThan(5_000);
    expect(result.sentBytes).toBeLessThan(80 * MB);
    expect(target.app.alive()).toBe(true);
  });

  it("eight 300 MB bodies at once: each refused (413, or 503 past the shared budget), the process lives and stays small", async () => {
    const watch = watchProcess(target.app);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => postHugeBody(target.app.url, 300 * MB, "absent")),
    );
    const figures = await watch.stop();
    for (const result of results) expect([413, 503]).toContain(result.status);
    expect(figures.survived).toBe(true);
    expect(figures.failedPings).toBe(0);
    expect(figures.peakRssMb).toBeLessThan(600);
  }, 60_000);

  it("a signed 3 MB delivery under the cap is still read and handled (the control case)", async () => {
    const head = "d".repeat(40);
    target.sim.state.addPullRequest("acme", "web", { number: 9, head: { sha: head } });
    // Several MB, so the body arrives in many chunks (in a field no handler reads).
    const event = {
      ...pullRequestEvent("opened", { number: 9, headSha: head }),
      padding: "x".repeat(3 * MB),
    };
    // 202 when the evaluation outlasts @octokit/webhooks' 9 s answer (Probot paces writes).
    expect([200, 202]).toContain(await postSigned(target.app.url, "pull_request", event));
    await waitFor(
      () =>
        expect(target.sim.state.checkRuns.filter((r) => r.headSha === head)).toEqual([
          expect.objectContaining({ status: "completed" }),
        ]),
      20_000,
    );
  }, 30_000);
});
