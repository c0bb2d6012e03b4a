// Reads and validates the action's inputs (see action.yml). Every problem is reported at once,
// each naming the input, the value given and the values allowed.
import type { CommentMode } from "../shared/core/render/decide-comment.js";
import { DEFAULT_CONFIG_PATH } from "../shared/github/read-config-at-ref.js";

export type { CommentMode };
export type FailOn = "failure" | "warning" | "never";
export type RunMode = "full" | "evaluate" | "publish" | "dependants";

export interface ActionInputs {
  token: string;
  config: string;
  /** Globs of coverage reports in the workspace; empty means the config's `reports`. */
  coverage: string[];
  comment: CommentMode;
  reviewComments: boolean;
  failOn: FailOn;
  mode: RunMode;
  /** `mode: dependants`: the gate's workflow file (`shipgate.yml`) whose runs are re-run. */
  workflow: string;
  /** How long one GitHub API request may take, in milliseconds. */
  requestTimeoutMs: number;
  /** How long the whole run may take, in milliseconds. */
  timeoutMs: number;
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
export const DEFAULT_TIMEOUT_SECONDS = 600;
/** A job's own limit on GitHub-hosted runners; a longer wait is a typo. */
const MAX_SECONDS = 6 * 60 * 60;

export type InputsResult = { ok: true; inputs: ActionInputs } | { ok: false; errors: string[] };

/** `read(name)` returns the raw input ("" when unset), as @actions/core's getInput does. */
export function readInputs(read: (name: string) => string): InputsResult {
  const errors: string[] = [];
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name).trim();
    if (value === "") return fallback;
    const found = allowed.find((option) => option === value.toLowerCase());
    if (found === undefined) {
      errors.push(
        `input \`${name}\` is ${JSON.stringify(value)}; use one of: ${allowed.join(", ")} (default ${fallback})`,
      );
    }
    return found ?? fallback;
  };

  const seconds = (name: string, fallback: number): number => {
    const value = read(name).trim();
    if (value === "") return fallback * 1000;
    const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(n > 0 && n <= MAX_SECONDS)) {
      errors.push(
        `input \`${name}\` is ${JSON.stringify(value)}; give a number of seconds above 0 and at most ${MAX_SECONDS} (default ${fallback})`,
      );
      return fallback * 1000;
    }
    return Math.round(n * 1000);
  };

  const token = read("github-token").trim();
  const mode = choice("mode", ["full", "evaluate", "publish", "dependants"], "full");
  const workflow = read("workflow").trim();
  if (mode === "dependants" && workflow === "") {
    errors.push(
      "input `workflow` is empty; with mode: dependants, name the workflow file that runs the gate, e.g. shipgate.yml",
    );
  }
  if (token === "") {
    errors.push(
      "input `github-token` is empty; leave it unset to use the workflow's token, or pass `${{ secrets.GITHUB_TOKEN }}`",
    );
  }
  const config = read("config").trim() || DEFAULT_CONFIG_PATH;
  if (config.startsWith("/") || config.split(/[\\/]/).includes("..")) {
    errors.push(
      `input \`config\` is ${JSON.stringify(config)}; give a path inside the repository, e.g. ${DEFAULT_CONFIG_PATH}`,
    );
  }
  const inputs: ActionInputs = {
    token,
    config: config.replace(/^\.\//, ""),
    coverage: read("coverage")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ""),
    comment: choice("comment", ["auto", "always", "never"], "auto"),
    reviewComments: choice("review-comments", ["true", "false"], "true") === "true",
    failOn: choice("fail-on", ["failure", "warning", "never"], "failure"),
    mode,
    workflow,
    requestTimeoutMs: seconds("request-timeout", DEFAULT_REQUEST_TIMEOUT_SECONDS),
    timeoutMs: seconds("timeout", DEFAULT_TIMEOUT_SECONDS),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs };
}
