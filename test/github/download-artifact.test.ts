// Downloading a workflow run's artifact through the simulator (302 to the zip).
import { randomBytes } from "node:crypto";
import { downloadArtifact } from "../../shared/github/download-artifact.js";
import { serverError } from "../github-simulator/index.js";
import { makeZip } from "./make-zip.js";
import { startSimClient, type SimClient } from "./sim-client.js";

let s: SimClient;
beforeEach(async () => {
  s = await startSimClient();
  s.sim.state.addRepo("acme", "shop");
});
afterEach(async () => {
  await s.sim.close();
  expect(s.sim.violations).toEqual([]);
});

const request = { owner: "acme", repo: "shop", runId: 42, artifact: "coverage", maxBytes: 1 << 20 };
const add = (runId: number, name: string, content: string, expired = false) =>
  s.sim.state.addArtifact("acme", "shop", runId, {
    name,
    data: makeZip({ "lcov.info": content }),
    expired,
  });

describe("downloadArtifact", () => {
  it("downloads the newest artifact of that name in the run", async () => {
    add(42, "other", "wrong");
    add(42, "coverage", "older");
    const newest = makeZip({ "lcov.info": "newest" });
    s.sim.state.addArtifact("acme", "shop", 42, { name: "coverage", data: newest });
    const download = await downloadArtifact(s.client, request);
    expect(download.found && Buffer.from(download.zip).equals(newest)).toBe(true);
  });

  it.each([
    ["missing", "no artifact in the run", () => {}],
    ["missing", "only another run's artifact", () => add(41, "coverage", "x")],
    ["expired", "an expired artifact", () => add(42, "coverage", "x", true)],
  ])("is %s with %s", async (reason, _name, seed) => {
    seed();
    expect(await downloadArtifact(s.client, request)).toEqual({ found: false, reason });
  });

  it("is expired when the download answers 410 (it expired after the list)", async () => {
    add(42, "coverage", "x");
    s.sim.fail({ method: "GET", path: /\/zip$/, status: 410 });
    expect(await downloadArtifact(s.client, request)).toEqual({ found: false, reason: "expired" });
  });

  it("lets a server error through (the caller's check run says it could not finish)", async () => {
    add(42, "coverage", "x");
    s.sim.fail(serverError(500, { method: "GET", path: /\/zip$/, times: Infinity }));
    await expect(downloadArtifact(s.client, request)).rejects.toMatchObject({ status: 500 });
  });
});

describe("downloadArtifact of an artifact larger than maxBytes", () => {
  const zipRequests = () => s.sim.requests.filter((r) => r.path.endsWith("/zip"));

  it("refuses it from the listing's size, without downloading it", async () => {
    const zip = makeZip({ "lcov.info": randomBytes(3 << 20).toString("base64") });
    s.sim.state.addArtifact("acme", "shop", 42, { name: "coverage", data: zip });
    expect(zip.length).toBeGreaterThan(request.maxBytes);
    expect(await downloadArtifact(s.client, request)).toEqual({
      found: false,
      reason: "too-large",
      bytes: zip.length,
    });
    expect(zipRequests()).toEqual([]);
  });

  it("downloads one of exactly maxBytes", async () => {
    const { data } = add(42, "coverage", "x");
    expect(await downloadArtifact(s.client, { ...request, maxBytes: data.length })).toMatchObject({
      found: true,
    });
    expect(zipRequests()).toHaveLength(1);
  });

  it("refuses it after the download when the listing gives no size", async () => {
    const zip = new Uint8Array(2 << 20);
    const fake = {
      request: async (route: string) => ({
        status: 200,
        headers: {},
        data: route.endsWith("/artifacts")
          ? { artifacts: [{ id: 7, name: "coverage", expired: false }] }
          : zip.buffer,
      }),
    };
    expect(await downloadArtifact(fake, request)).toEqual({
      found: false,
      reason: "too-large",
      bytes: zip.length,
    });
  });
});

describe("downloadArtifact on an answer that is not a list of artifacts", () => {
  it("throws naming the request instead of reporting no artifact", async () => {
    const fake = {
      request: async () => ({
        status: 200,
        data: "<html>Sign in to your proxy</html>",
        headers: { "content-type": "text/html" },
      }),
    };
    await expect(downloadArtifact(fake, request)).rejects.toThrow(
      "GitHub's answer to GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts is not a list of artifacts",
    );
  });
});
