// The limiter groups of @octokit/plugin-throttling (v11), with its ids and pacing, so instances
// using the shared throttle and plain Probot instances share the same Redis keys and limits.

export type ThrottleGroupName = "global" | "auth" | "search" | "write" | "notifications";

export interface ThrottleGroupSettings {
  id: string;
  maxConcurrent: number;
  minTime?: number;
  /** Idle limiters' Redis keys expire after this long (the plugin's default, 2 minutes). */
  timeout: number;
}

const TIMEOUT = 2 * 60 * 1000;

export const THROTTLE_GROUP_SETTINGS: Record<ThrottleGroupName, ThrottleGroupSettings> = {
  global: { id: "octokit-global", maxConcurrent: 10, timeout: TIMEOUT },
  auth: { id: "octokit-auth", maxConcurrent: 1, timeout: TIMEOUT },
  search: { id: "octokit-search", maxConcurrent: 1, minTime: 2000, timeout: TIMEOUT },
  // GitHub: "wait at least one second between" writes; three between notifying writes.
  write: { id: "octokit-write", maxConcurrent: 1, minTime: 1000, timeout: TIMEOUT },
  notifications: { id: "octokit-notifications", maxConcurrent: 1, minTime: 3000, timeout: TIMEOUT },
};
