// `npm run app`: starts Probot's server with the shipgate app, from the environment (APP_ID,
// PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET; GHE_HOST, REDIS_URL, PORT, LOG_LEVEL,
// LOG_FORMAT, COVERAGE_ARTIFACT_MAX_MB optional).
import { readFileSync } from "node:fs";
import { Probot, Server } from "probot";
import { createApp } from "./create-app.js";
import { createArtifactReader } from "./coverage/create-artifact-reader.js";
import { createLogger } from "./create-logger.js";
import { findFreePort } from "./find-free-port.js";
import { limitWebhookBody } from "./limit-webhook-body.js";
import { createSharedThrottle } from "./redis/create-shared-throttle.js";
import { readAppSettings } from "./read-app-settings.js";

async function main(): Promise<void> {
  const result = readAppSettings(process.env, (path) => readFileSync(path, "utf8"));
  if (!result.ok) {
    process.stderr.write(
      `shipgate app: cannot start:\n${result.errors.map((e) => `  - ${e}`).join("\n")}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const { settings } = result;
  const throttle = settings.redisConfig ? createSharedThrottle(settings.redisConfig) : undefined;
  const log = await createLogger(settings);
  const ProbotWithSettings = Probot.defaults({
    log,
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.secret,
    logLevel: settings.logLevel,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    ...(throttle ? { Octokit: throttle.Octokit } : {}),
  });
  // Probot's server puts the webhook middleware first; this is where bodies get their cap.
  class CappedProbot extends ProbotWithSettings {
    override async getNodeMiddleware(options?: Parameters<Probot["getNodeMiddleware"]>[0]) {
      return limitWebhookBody(await super.getNodeMiddleware(options));
    }
  }
  const server = new Server({
    log,
    Probot: CappedProbot,
    port: settings.port === 0 ? await findFreePort(settings.host) : settings.port,
    host: settings.host,
    ...(settings.webhookPath ? { webhookPath: settings.webhookPath } : {}),
    enableStaticFiles: false,
  });
  const readArtifact = createArtifactReader({
    workerUrl: new URL("./artifact-worker.mjs", import.meta.url),
    maxBytes: settings.maxArtifactBytes,
  });
  await server.load(createApp({ readArtifact }));
  await server.start();
}

await main();
