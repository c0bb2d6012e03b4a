// Reads the App's settings from the environment and says exactly which are missing or wrong,
// instead of Probot's default of starting its setup wizard.
import type { RedisOptions } from "ioredis";

export interface AppSettings {
  appId: number;
  privateKey: string;
  secret: string;
  /** GitHub Enterprise Server: https://HOST/api/v3; undefined for github.com. */
  baseUrl: string | undefined;
  redisConfig: string | RedisOptions | undefined;
  port: number;
  host: string;
  webhookPath: string | undefined;
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** `pretty` for people, `json` for log collectors. */
  logFormat: "pretty" | "json";
  /** COVERAGE_ARTIFACT_MAX_MB: the most a coverage artifact may unpack to. */
  maxArtifactBytes: number;
  /** QUEUE_CONCURRENCY: evaluations one instance runs at once. */
  queueConcurrency: number;
  /** SHUTDOWN_GRACE_SECONDS: how long SIGTERM waits for running evaluations. */
  shutdownGraceMs: number;
  /** JOB_LOCK_SECONDS: a crashed instance's jobs, leases and throttle slots are freed after this. */
  jobLockMs: number;
  /** STALE_CHECK_MINUTES: a check run in progress longer than this is re-evaluated. */
  staleCheckMs: number;
  /** STALE_CHECK_SWEEP_MINUTES: time between sweeps for stale check runs; 0: at start-up only. */
  staleSweepMs: number;
  /** STALE_CHECK_SWEEP_REPOSITORIES: repositories one sweep looks at. */
  staleSweepRepositories: number;
}

export type SettingsResult = { ok: true; settings: AppSettings } | { ok: false; errors: string[] };

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

/** `readFile` reads PRIVATE_KEY_PATH; injected so this stays testable without a disk. */
export function readAppSettings(
  env: Record<string, string | undefined>,
  readFile: (path: string) => string,
): SettingsResult {
  const errors: string[] = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID)
    errors.push("APP_ID is not set: use the App ID from the GitHub App's settings page.");
  else if (!Number.isInteger(appId) || appId <= 0)
    errors.push(`APP_ID must be a number, got "${env.APP_ID}".`);

  let privateKey = "";
  if (env.PRIVATE_KEY) privateKey = normalizeKey(env.PRIVATE_KEY);
  else if (env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFile(env.PRIVATE_KEY_PATH);
    } catch (error) {
      errors.push(
        `PRIVATE_KEY_PATH ${env.PRIVATE_KEY_PATH} cannot be read: ${(error as Error).message}`,
      );
    }
  } else {
    errors.push(
      "PRIVATE_KEY or PRIVATE_KEY_PATH is not set: give the App's private key (.pem) text or its path.",
    );
  }
  if (privateKey !== "" && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
    errors.push(
      "The private key is not a PEM private key (expected -----BEGIN RSA PRIVATE KEY-----).",
    );
  }
  if (!env.WEBHOOK_SECRET)
    errors.push(
      "WEBHOOK_SECRET is not set: use the webhook secret from the GitHub App's settings.",
    );

  const port = env.PORT ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    errors.push(`PORT must be a port number, got "${env.PORT}".`);
  const logLevel = (env.LOG_LEVEL ?? "info") as AppSettings["logLevel"];
  if (!LOG_LEVELS.includes(logLevel))
    errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.`);
  const logFormat = (env.LOG_FORMAT ?? "pretty") as AppSettings["logFormat"];
  if (logFormat !== "pretty" && logFormat !== "json")
    errors.push(`LOG_FORMAT must be pretty or json, got "${env.LOG_FORMAT}".`);
  const maxArtifactMb = env.COVERAGE_ARTIFACT_MAX_MB ? Number(env.COVERAGE_ARTIFACT_MAX_MB) : 32;
  if (!Number.isInteger(maxArtifactMb) || maxArtifactMb < 1 || maxArtifactMb > 1024)
    errors.push(
      `COVERAGE_ARTIFACT_MAX_MB must be a whole number of megabytes from 1 to 1024, got "${env.COVERAGE_ARTIFACT_MAX_MB}".`,
    );
  const queueConcurrency = whole(env, "QUEUE_CONCURRENCY", 4, 1, 64, errors);
  const graceSeconds = whole(env, "SHUTDOWN_GRACE_SECONDS", 20, 0, 3600, errors);
  const lockSeconds = whole(env, "JOB_LOCK_SECONDS", 30, 1, 600, errors);
  const staleMinutes = whole(env, "STALE_CHECK_MINUTES", 10, 1, 1440, errors);
  const sweepMinutes = whole(env, "STALE_CHECK_SWEEP_MINUTES", 5, 0, 1440, errors);
  const sweepRepositories = whole(env, "STALE_CHECK_SWEEP_REPOSITORIES", 20, 1, 1000, errors);
  if (errors.length > 0) return { ok: false, errors };

  const protocol = env.GHE_PROTOCOL ?? "https";
  return {
    ok: true,
    settings: {
      appId,
      privateKey,
      secret: env.WEBHOOK_SECRET ?? "",
      baseUrl: env.GHE_HOST ? `${protocol}://${env.GHE_HOST}/api/v3` : undefined,
      redisConfig: env.REDIS_URL || undefined,
      port,
      host: env.HOST ?? "0.0.0.0",
      webhookPath: env.WEBHOOK_PATH || undefined,
      logLevel,
      logFormat,
      maxArtifactBytes: maxArtifactMb * 1024 * 1024,
      queueConcurrency,
      shutdownGraceMs: graceSeconds * 1000,
      jobLockMs: lockSeconds * 1000,
      staleCheckMs: staleMinutes * 60_000,
      staleSweepMs: sweepMinutes * 60_000,
      staleSweepRepositories: sweepRepositories,
    },
  };
}

/** An optional whole number from `min` to `max`, else `fallback`; a bad one is an error. */
function whole(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  errors: string[],
): number {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  errors.push(`${name} must be a whole number from ${min} to ${max}, got "${text}".`);
  return fallback;
}

/** Keys pasted into one-line variables: `\n` escapes, or the whole PEM base64-encoded. */
function normalizeKey(value: string): string {
  const text = value.replace(/\\n/g, "\n").trim();
  if (text.includes("-----BEGIN")) return `${text}\n`;
  const decoded = Buffer.from(text, "base64").toString("utf8");
  return decoded.includes("-----BEGIN") ? decoded : text;
}
