// Writes a route result as GitHub would: JSON with GitHub's usual headers, or raw bytes.
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { RouteResult } from "./route-kit.js";

export function writeResponse(res: ServerResponse, result: RouteResult): void {
  const reset = Math.floor(Date.now() / 1000) + 3600;
  const headers: Record<string, string> = {
    "x-github-request-id": randomUUID().toUpperCase(),
    "x-github-api-version-selected": "2022-11-28",
    "x-github-media-type": "github.v3; format=json",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-used": "1",
    "x-ratelimit-reset": String(reset),
    "x-ratelimit-resource": "core",
  };
  let payload: Buffer | string = "";
  if (result.raw) {
    headers["content-type"] = result.raw.contentType;
    payload = result.raw.data;
  } else if (result.body !== undefined) {
    headers["content-type"] = "application/json; charset=utf-8";
    payload = JSON.stringify(result.body);
  }
  Object.assign(headers, result.headers);
  headers["content-length"] = String(Buffer.byteLength(payload));
  res.writeHead(result.status, headers);
  res.end(payload);
}
