// Puts a cap on request bodies in front of the webhook middleware: GitHub never sends a webhook
// over 25 MB, so anything larger is refused (413) from its Content-Length or, when that is absent
// or lies, as soon as the stream passes the cap; before any HMAC or JSON work. All bodies being
// read at once share a budget too (503 past it), so many connections cannot add up to much.
import type { IncomingMessage, ServerResponse } from "node:http";

/** GitHub caps webhook payloads at 25 MB and does not deliver larger ones. */
export const WEBHOOK_MAX_BYTES = 25 * 1024 * 1024;
/** What all bodies being read at the same moment may hold together. */
export const WEBHOOK_BUDGET_BYTES = 4 * WEBHOOK_MAX_BYTES;

/** Probot's and @octokit/webhooks' node middleware, which type `response` and `next` apart. */
export type NodeMiddleware = (
  request: IncomingMessage,
  response?: ServerResponse,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Function in one, a callback in the other
  next?: any,
) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type InnerMiddleware = (request: IncomingMessage, response: ServerResponse, next?: any) => unknown;

export interface BodyLimits {
  maxBytes: number;
  budgetBytes: number;
}

type BodyRead = { ok: true; text: string } | { ok: false; status: 413 | 503 | 400 };

/**
 * Reads each POST body itself, within the limits, and hands it on as `request.body` (a string),
 * which @octokit/webhooks' middleware takes as the payload instead of reading the stream.
 */
export function limitWebhookBody(
  inner: InnerMiddleware,
  limits: BodyLimits = { maxBytes: WEBHOOK_MAX_BYTES, budgetBytes: WEBHOOK_BUDGET_BYTES },
): NodeMiddleware {
  let inFlight = 0;
  const reserve = (bytes: number) => {
    if (inFlight + bytes > limits.budgetBytes) return false;
    inFlight += bytes;
    return true;
  };
  const release = (bytes: number) => void (inFlight -= bytes);

  return async (request, response, next) => {
    if (response === undefined) throw new Error("limitWebhookBody: no response to answer with");
    if (request.method !== "POST") return inner(request, response, next);
    const declared = Number(request.headers["content-length"] ?? NaN);
    const read: BodyRead =
      declared > limits.maxBytes
        ? { ok: false, status: 413 }
        : await readBody(request, limits.maxBytes, reserve, release);
    if (!read.ok) return refuse(request, response, read.status, limits.maxBytes);
    (request as IncomingMessage & { body?: string }).body = read.text;
    return inner(request, response, next);
  };
}

function readBody(
  request: IncomingMessage,
  maxBytes: number,
  reserve: (bytes: number) => boolean,
  release: (bytes: number) => void,
): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (read: BodyRead) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      release(size);
      resolve(read);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > maxBytes) return settle({ ok: false, status: 413 });
      if (!reserve(chunk.length)) return settle({ ok: false, status: 503 });
      size += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () =>
      settle({ ok: true, text: new TextDecoder().decode(Buffer.concat(chunks, size)) });
    const onError = () => settle({ ok: false, status: 400 });
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

const MESSAGES = {
  400: "The request body could not be read.",
  413: "The request body is larger than a GitHub webhook can be",
  503: "Too many large requests are being read at once; try again shortly.",
} as const;

/**
 * Answers, stops reading, and closes the connection a second later: closing at once, with the
 * body unread, would reset the connection before the client could read the answer.
 */
function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: 400 | 413 | 503,
  maxBytes: number,
): boolean {
  const message = status === 413 ? `${MESSAGES[413]} (${maxBytes} bytes).` : MESSAGES[status];
  const body = JSON.stringify({ error: message });
  request.pause();
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(status === 503 ? { "retry-after": "5" } : {}),
  });
  response.end(body);
  setTimeout(() => request.socket.destroy(), 1000).unref();
  return true;
}
