// The App's logger: Probot's pino setup with the level and format from the settings, passed to
// Probot's Server (which would otherwise build its own and ignore LOG_LEVEL and LOG_FORMAT).
import { getTransformStream } from "@probot/pino";
import { pino, type Logger } from "pino";
import type { AppSettings } from "./read-app-settings.js";

export async function createLogger(
  settings: Pick<AppSettings, "logLevel" | "logFormat">,
): Promise<Logger> {
  const transform = await getTransformStream({ logFormat: settings.logFormat });
  // SonicBoom is a writable stream at run time; its typings predate that.
  transform.pipe(pino.destination(1) as unknown as NodeJS.WritableStream);
  return pino({ level: settings.logLevel, name: "probot" }, transform);
}
