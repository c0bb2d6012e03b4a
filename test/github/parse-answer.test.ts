// Answers are checked where they enter: what came back, and which field was wrong, in one line.
import { z } from "zod";
import type { GitHubResponse } from "../../shared/github/github-client.js";
import { isCurrentHead } from "../../shared/github/is-current-head.js";
import { ApiAnswerError, parseAnswer } from "../../shared/github/parse-answer.js";
import { readPullRequest } from "../../shared/github/read-pull-request.js";

const answer = (data: unknown, contentType = "application/json"): GitHubResponse => ({
  status: 200,
  data,
  headers: { "content-type": `${contentType}; charset=utf-8` },
});
const ROUTE = "GET /repos/{owner}/{repo}/things";
const schema = z.array(z.object({ id: z.number(), name: z.string().optional() }));

describe("parseAnswer", () => {
  it("returns the data when it has the shape", () => {
    expect(parseAnswer(answer([{ id: 1, extra: true }]), ROUTE, schema, "things")).toEqual([
      { id: 1 },
    ]);
  });

  it.each<[string, GitHubResponse, string]>([
    [
      "an HTML page",
      answer("<html></html>", "text/html"),
      "HTTP 200 with a body that is not JSON (text/html)",
    ],
    [
      "broken JSON (Octokit hands over the text)",
      answer('[{"id": '),
      "HTTP 200 with a body that is not JSON (application/json)",
    ],
    [
      "no body",
      { status: 200, data: undefined, headers: {} },
      "HTTP 200 with a body that is not JSON (no content type)",
    ],
    ["null", answer(null), "Invalid input: expected array, received null"],
    [
      "a field of the wrong type",
      answer([{ id: 1 }, { id: "2" }]),
      "1.id: Invalid input: expected number, received string",
    ],
  ])("names %s", (_name, response, problem) => {
    expect(() => parseAnswer(response, ROUTE, schema, "a list of things")).toThrow(
      new ApiAnswerError(`GitHub's answer to ${ROUTE} is not a list of things: ${problem}`),
    );
  });
});

describe("the pull request readers", () => {
  const pr = { owner: "acme", repo: "shop", number: 7 };
  const clientAnswering = (data: unknown) => ({ request: async () => answer(data) });

  it.each([
    ["no head", { number: 7 }],
    ["an empty head SHA", { number: 7, head: { sha: "" } }],
    ["a head SHA that is no commit", { number: 7, head: { sha: "main" } }],
  ])(
    "the head guard refuses an answer with %s instead of calling the head moved",
    async (_name, data) => {
      await expect(isCurrentHead(clientAnswering(data), pr, "e".repeat(40))).rejects.toBeInstanceOf(
        ApiAnswerError,
      );
    },
  );

  it("readPullRequest names the first wrong field", async () => {
    const data = { number: 7, title: null, base: { ref: "main", sha: "a".repeat(40) } };
    await expect(readPullRequest(clientAnswering(data), pr)).rejects.toThrow(
      "GitHub's answer to GET /repos/{owner}/{repo}/pulls/{pull_number} is not a pull request: title: Invalid input: expected string, received null",
    );
  });
});
