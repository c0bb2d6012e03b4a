import { parseRemoteRepository } from "../../../cli/git/parse-remote-repository.js";

describe("parseRemoteRepository", () => {
  it.each([
    ["git@github.com:acme/shop.git", "acme/shop"],
    ["git@github.com:acme/shop", "acme/shop"],
    ["https://github.com/acme/shop.git", "acme/shop"],
    ["https://github.com/acme/shop", "acme/shop"],
    ["https://token@github.com/acme/shop.git", "acme/shop"],
    ["ssh://git@github.com/acme/shop.git", "acme/shop"],
    ["ssh://git@github.com:22/acme/shop.git", "acme/shop"],
    ["https://github.com/acme/my.dotted.repo.git", "acme/my.dotted.repo"],
    ["https://gitlab.com/acme/shop.git", null],
    ["https://github.com/acme", null],
    ["/srv/git/shop.git", null],
    ["", null],
  ])("%s -> %s", (url, expected) => {
    expect(parseRemoteRepository(url)).toBe(expected);
  });
});
