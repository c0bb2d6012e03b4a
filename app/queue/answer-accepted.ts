// Webhooks are only recorded before they are answered, so the answer is 202 Accepted, not
// @octokit/webhooks' 200 OK: the work is still to come. Other answers (4xx, 503) pass unchanged.
import type { IncomingMessage, ServerResponse } from "node:http";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as limit-webhook-body.ts: Probot and @octokit/webhooks type `next` apart
type Middleware = (request: IncomingMessage, response: ServerResponse, next?: any) => unknown;

export function answerAccepted<M extends Middleware>(inner: M): M {
  return ((request: IncomingMessage, response: ServerResponse, next?: unknown) => {
    if (request.method === "POST") {
      const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
      response.writeHead = ((status: number, ...rest: unknown[]) =>
        writeHead(status === 200 ? 202 : status, ...rest)) as typeof response.writeHead;
    }
    return inner(request, response, next);
  }) as M;
}
