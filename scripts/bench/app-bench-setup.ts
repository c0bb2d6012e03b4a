// The App benchmark's fixture: the real Probot webhook server with the shipgate app, against the
// GitHub API simulator, with pull requests of 30 changed files whose head can be moved.
import { createSimulator, generateAppKey } from "../../test/github-simulator/index.js";
import type { IssueRecord } from "../../test/github-simulator/types.js";
import { addedPatch } from "../../test/github/sim-client.js";
import { pullRequestEvent } from "../../test/app/payload-builders.js";
import { startApp, type RunningApp } from "../../test/app/start-app.js";

export const FILES_PER_PR = 30;

export interface BenchApp {
  app: RunningApp;
  /** Moves the PR's head to `sha` and sends `synchronize` for it (the answer, when it comes). */
  push(number: number, sha: string): Promise<Response>;
  close(): Promise<void>;
}

/** `throttled`: Probot's write pacing as deployed (one write a second); else none. */
export async function startBenchApp(pulls: number[], throttled: boolean): Promise<BenchApp> {
  const key = generateAppKey();
  // Validation against GitHub's OpenAPI description is for tests; here it would only add noise.
  const sim = await createSimulator({ app: key.app, validate: false });
  sim.state.addInstallation({ account: "acme", id: 77 });
  const records = new Map<number, IssueRecord>();
  for (const number of pulls) {
    const files = Array.from({ length: FILES_PER_PR }, (_, i) => ({
      filename: `src/module-${i}/file-${i}.ts`,
      patch: addedPatch(8),
    }));
    records.set(number, sim.state.addPullRequest("acme", "web", { number, files }));
  }
  const app = await startApp({ sim, key, realThrottle: throttled });
  return {
    app,
    push(number, sha) {
      const pull = records.get(number)?.pull;
      if (!pull) throw new Error(`no pull request #${number}`);
      pull.head.sha = sha;
      return app.post("pull_request", pullRequestEvent("synchronize", { number, headSha: sha }));
    },
    async close() {
      await app.stop();
      await sim.close();
    },
  };
}

let counter = 0;
/** A fresh 40-hex head SHA. */
export const nextSha = () => (++counter).toString(16).padStart(40, "0");

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
