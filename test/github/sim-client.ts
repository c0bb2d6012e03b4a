// Test helper: a simulator plus a retrying client over a real Octokit, with an instant sleep that
// records the waits it was asked for.
import { getOctokit } from "@actions/github";
import { createRetryingClient } from "../../shared/github/create-retrying-client.js";
import type { GitHubClient } from "../../shared/github/github-client.js";
import {
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from "../github-simulator/index.js";

export interface SimClient {
  sim: Simulator;
  client: GitHubClient;
  /** Milliseconds each retry waited. */
  waits: number[];
  clientFor(token: string): GitHubClient;
}

export async function startSimClient(options?: SimulatorOptions): Promise<SimClient> {
  const sim = await createSimulator(options);
  const waits: number[] = [];
  const clientFor = (token: string) =>
    createRetryingClient(getOctokit(token, { baseUrl: sim.url }), {
      sleep: async (ms) => void waits.push(ms),
    });
  return { sim, client: clientFor("ghs_actions"), waits, clientFor };
}

/** A patch adding `count` lines at the top of a file. */
export function addedPatch(count: number, start = 1): string {
  const lines = Array.from({ length: count }, (_, i) => `+line ${start + i}`);
  return [`@@ -0,0 +${start},${count} @@`, ...lines].join("\n");
}
