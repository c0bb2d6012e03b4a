import { readAppSettings } from "../../../app/read-app-settings.js";

const KEY = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";
const noFile = (path: string): string => {
  throw new Error(`ENOENT: no such file, open '${path}'`);
};
const base = { APP_ID: "42", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "s" };

describe("readAppSettings", () => {
  it.each([
    ["APP_ID", { ...base, APP_ID: undefined }, /APP_ID is not set/],
    ["a non-numeric APP_ID", { ...base, APP_ID: "abc" }, /APP_ID must be a number/],
    [
      "the private key",
      { ...base, PRIVATE_KEY: undefined },
      /PRIVATE_KEY or PRIVATE_KEY_PATH is not set/,
    ],
    ["a key that is not PEM", { ...base, PRIVATE_KEY: "hello" }, /not a PEM private key/],
    [
      "an unreadable key path",
      { ...base, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/k.pem" },
      /\/k\.pem cannot be read/,
    ],
    ["WEBHOOK_SECRET", { ...base, WEBHOOK_SECRET: undefined }, /WEBHOOK_SECRET is not set/],
    ["a bad PORT", { ...base, PORT: "http" }, /PORT must be a port number/],
    [
      "a bad COVERAGE_ARTIFACT_MAX_MB",
      { ...base, COVERAGE_ARTIFACT_MAX_MB: "0.5" },
      /COVERAGE_ARTIFACT_MAX_MB must be a whole number of megabytes from 1 to 1024/,
    ],
    ["a bad QUEUE_CONCURRENCY", { ...base, QUEUE_CONCURRENCY: "0" }, /from 1 to 64, got "0"/],
    [
      "a bad SHUTDOWN_GRACE_SECONDS",
      { ...base, SHUTDOWN_GRACE_SECONDS: "soon" },
      /SHUTDOWN_GRACE_SECONDS must be a whole number from 0 to 3600/,
    ],
    ["a bad JOB_LOCK_SECONDS", { ...base, JOB_LOCK_SECONDS: "0.5" }, /JOB_LOCK_SECONDS must be/],
    ["a bad STALE_CHECK_MINUTES", { ...base, STALE_CHECK_MINUTES: "0" }, /from 1 to 1440/],
    ["a bad STALE_CHECK_SWEEP_MINUTES", { ...base, STALE_CHECK_SWEEP_MINUTES: "-1" }, /from 0/],
    [
      "a bad STALE_CHECK_SWEEP_REPOSITORIES",
      { ...base, STALE_CHECK_SWEEP_REPOSITORIES: "all" },
      /STALE_CHECK_SWEEP_REPOSITORIES must be a whole number from 1 to 1000/,
    ],
  ])("names a missing or wrong %s", (_name, env, message) => {
    const result = readAppSettings(env, noFile);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ["escaped newlines", KEY.replace(/\n/g, "\\n")],
    ["base64", Buffer.from(KEY).toString("base64")],
  ])("accepts a key with %s", (_name, PRIVATE_KEY) => {
    const result = readAppSettings({ ...base, PRIVATE_KEY }, noFile);
    expect(result.ok && result.settings.privateKey).toContain(
      "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n",
    );
  });

  it("limits coverage artifacts to 32 MB unpacked unless COVERAGE_ARTIFACT_MAX_MB says", () => {
    const bytes = (env: Record<string, string>) => {
      const result = readAppSettings({ ...base, ...env }, noFile);
      return result.ok ? result.settings.maxArtifactBytes : null;
    };
    expect(bytes({})).toBe(32 * 1024 * 1024);
    expect(bytes({ COVERAGE_ARTIFACT_MAX_MB: "100" })).toBe(100 * 1024 * 1024);
  });

  it("runs 4 jobs at once, waits 20 s on SIGTERM and takes over after 30 s unless told", () => {
    const queue = (env: Record<string, string>) => {
      const result = readAppSettings({ ...base, ...env }, noFile);
      if (!result.ok) return null;
      const { queueConcurrency, shutdownGraceMs, jobLockMs } = result.settings;
      return [queueConcurrency, shutdownGraceMs, jobLockMs];
    };
    expect(queue({})).toEqual([4, 20_000, 30_000]);
    expect(
      queue({ QUEUE_CONCURRENCY: "8", SHUTDOWN_GRACE_SECONDS: "0", JOB_LOCK_SECONDS: "5" }),
    ).toEqual([8, 0, 5000]);
  });

  it("sweeps for check runs in progress over 10 minutes every 5 minutes, 20 repositories at a time, unless told", () => {
    const sweep = (env: Record<string, string>) => {
      const result = readAppSettings({ ...base, ...env }, noFile);
      if (!result.ok) return null;
      const { staleCheckMs, staleSweepMs, staleSweepRepositories } = result.settings;
      return [staleCheckMs, staleSweepMs, staleSweepRepositories];
    };
    expect(sweep({})).toEqual([600_000, 300_000, 20]);
    expect(
      sweep({
        STALE_CHECK_MINUTES: "30",
        STALE_CHECK_SWEEP_MINUTES: "0",
        STALE_CHECK_SWEEP_REPOSITORIES: "100",
      }),
    ).toEqual([1_800_000, 0, 100]);
  });

  it("points at GitHub Enterprise Server's API with GHE_HOST, and passes REDIS_URL on", () => {
    const result = readAppSettings(
      { ...base, GHE_HOST: "github.example.com", REDIS_URL: "redis://r:6379" },
      noFile,
    );
    expect(result.ok && result.settings).toMatchObject({
      baseUrl: "https://github.example.com/api/v3",
      redisConfig: "redis://r:6379",
      appId: 42,
      port: 3000,
    });
  });
});
