// The listings an App walks to find its own work: its installations (app JWT), an installation's
// repositories (installation token) and a repository's pull requests by state; every answer is
// checked against GitHub's OpenAPI description (no violations).
import {
  createSimulator,
  generateAppKey,
  signAppJwt,
  type Simulator,
} from "./github-simulator/index.js";

let sim: Simulator;
afterEach(async () => sim?.close());

async function get(path: string, token: string) {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { authorization: `token ${token}`, accept: "application/vnd.github+json" },
  });
  return {
    status: response.status,
    link: response.headers.get("link"),
    json: await response.json(),
  };
}

async function tokenFor(jwt: string, installation: number): Promise<string> {
  const response = await fetch(`${sim.url}/app/installations/${installation}/access_tokens`, {
    method: "POST",
    headers: { authorization: `bearer ${jwt}` },
  });
  return ((await response.json()) as { token: string }).token;
}

describe("listings", () => {
  it("lists the App's installations (paginated) and each installation's repositories", async () => {
    const key = generateAppKey(4242, "shipgate");
    sim = await createSimulator({ app: key.app });
    sim.state.addInstallation({ id: 77, account: "acme" });
    sim.state.addInstallation({ id: 78, account: "beta", repositories: ["one"] });
    sim.state.addInstallation({ id: 79, account: "gamma" });
    for (const [owner, repo] of [
      ["acme", "web"],
      ["acme", "api"],
      ["beta", "one"],
      ["beta", "two"],
    ])
      sim.state.addRepo(owner ?? "", repo ?? "");
    const jwt = signAppJwt(key.privateKey, 4242);

    const first = await get("/app/installations?per_page=2", jwt);
    expect(first.json.map((i: { id: number }) => i.id)).toEqual([77, 78]);
    expect(first.link).toMatch(/page=2>; rel="next"/);
    expect((await get("/app/installations?per_page=2&page=2", jwt)).json).toEqual([
      expect.objectContaining({ id: 79, account: expect.objectContaining({ login: "gamma" }) }),
    ]);

    const acme = await get("/installation/repositories", await tokenFor(jwt, 77));
    expect(acme.json).toMatchObject({ total_count: 2, repository_selection: "all" });
    expect(acme.json.repositories.map((r: { full_name: string }) => r.full_name).sort()).toEqual([
      "acme/api",
      "acme/web",
    ]);
    const beta = await get("/installation/repositories", await tokenFor(jwt, 78));
    expect(beta.json).toMatchObject({ total_count: 1, repository_selection: "selected" });
    // Only installation tokens have installation repositories.
    expect((await get("/installation/repositories", "ghs_someone")).status).toBe(403);
    expect((await get("/app/installations", "ghs_someone")).status).toBe(401);
    expect(sim.violations).toEqual([]);
  });

  it("lists pull requests by state, most recently updated first when asked", async () => {
    let clock = Date.parse("2026-01-01T00:00:00Z");
    sim = await createSimulator({ now: () => new Date((clock += 60_000)) });
    for (const number of [1, 2, 3]) sim.state.addPullRequest("acme", "web", { number });
    sim.state.addIssue("acme", "web", { number: 4 });
    const two = sim.state.repo("acme", "web")?.issues.get(2);
    if (two) two.updatedAt = "2026-02-01T00:00:00Z";
    const three = sim.state.repo("acme", "web")?.issues.get(3);
    if (three) three.state = "closed";
    const numbers = async (query: string) =>
      (await get(`/repos/acme/web/pulls${query}`, "ghs_actions")).json.map(
        (p: { number: number }) => p.number,
      );

    expect(await numbers("")).toEqual([2, 1]);
    expect(await numbers("?state=open&sort=updated&direction=desc")).toEqual([2, 1]);
    expect(await numbers("?state=all&sort=created&direction=asc")).toEqual([1, 2, 3]);
    expect(await numbers("?state=closed")).toEqual([3]);
    expect(await numbers("?state=all&per_page=1&page=2")).toEqual([2]);
    expect(sim.violations).toEqual([]);
  });
});
