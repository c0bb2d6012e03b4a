// Which account the token acts as: /user for a person's token, GraphQL's viewer for an
// installation token, and the Actions bot when neither answers.
import { ACTIONS_BOT_LOGIN, createViewerLogin } from "../../shared/github/find-viewer-login.js";
import type { GitHubClient } from "../../shared/github/github-client.js";

function fakeClient(answers: Record<string, unknown>): GitHubClient & { routes: string[] } {
  const routes: string[] = [];
  return {
    routes,
    async request(route) {
      routes.push(route);
      const answer = answers[route];
      if (answer === undefined) throw Object.assign(new Error("Not Found"), { status: 404 });
      if (answer instanceof Error) throw answer;
      return { status: 200, data: answer, headers: {} };
    },
  };
}

const forbidden = Object.assign(new Error("Resource not accessible by integration"), {
  status: 403,
});

describe("createViewerLogin", () => {
  it.each([
    [
      "a person's token asks /user",
      "ghp_abc",
      { "GET /user": { login: "alice" } },
      "alice",
      ["GET /user"],
    ],
    [
      "an installation token asks GraphQL",
      "ghs_abc",
      { "POST /graphql": { data: { viewer: { login: "shipgate[bot]" } } } },
      "shipgate[bot]",
      ["POST /graphql"],
    ],
    [
      "an installation token that GraphQL refuses",
      "ghs_abc",
      { "POST /graphql": forbidden },
      ACTIONS_BOT_LOGIN,
      ["POST /graphql"],
    ],
    [
      "a person's token that /user refuses falls back to GraphQL",
      "github_pat_x",
      { "GET /user": forbidden, "POST /graphql": { data: { viewer: { login: "bob" } } } },
      "bob",
      ["GET /user", "POST /graphql"],
    ],
  ])("%s", async (_name, token, answers, login, routes) => {
    const client = fakeClient(answers);
    expect(await createViewerLogin(client, { token })()).toBe(login);
    expect(client.routes).toEqual(routes);
  });

  it("uses GITHUB_GRAPHQL_URL when given (GitHub Enterprise Server)", async () => {
    const url = "https://ghe.example.com/api/graphql";
    const client = fakeClient({ [`POST ${url}`]: { data: { viewer: { login: "ghe-bot[bot]" } } } });
    expect(await createViewerLogin(client, { token: "ghs_x", graphqlUrl: url })()).toBe(
      "ghe-bot[bot]",
    );
  });

  it("asks once, however often it is called", async () => {
    const client = fakeClient({ "GET /user": { login: "alice" } });
    const login = createViewerLogin(client, { token: "ghp_x" });
    await Promise.all([login(), login(), login()]);
    expect(client.routes).toEqual(["GET /user"]);
  });
});
