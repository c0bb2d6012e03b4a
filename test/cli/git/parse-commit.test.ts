import { parseCommit } from "../../../cli/git/parse-commit.js";

const headers = [
  "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904",
  "parent 5f16a720429fded9f72e95ddde95515788880188",
  "author Ada Lovelace <ada@example.com> 1700000000 +0100",
  "committer Grace Hopper <grace@example.com> 1700000001 -0500",
  "gpgsig -----BEGIN PGP SIGNATURE-----",
  " iQEzBAABCAAdFiEE",
  " -----END PGP SIGNATURE-----",
].join("\n");

describe("parseCommit", () => {
  it.each([
    ["subject only", "Add cart\n", { subject: "Add cart", body: "" }],
    [
      "subject and body",
      "Add cart\n\n## Rollout\nBehind a flag.\n",
      { subject: "Add cart", body: "## Rollout\nBehind a flag." },
    ],
    [
      "a wrapped first paragraph, like %s",
      "Add cart\nand checkout\n\nMore.\n",
      { subject: "Add cart and checkout", body: "More." },
    ],
    ["several body paragraphs", "S\n\nOne.\n\nTwo.\n", { subject: "S", body: "One.\n\nTwo." }],
    ["CRLF line ends", "S\r\n\r\nBody\r\n", { subject: "S", body: "Body" }],
    ["an empty message", "", { subject: "", body: "" }],
  ])("reads %s", (_name, message, expected) => {
    expect(parseCommit(`${headers}\n\n${message}`)).toEqual({
      authorName: "Ada Lovelace",
      ...expected,
    });
  });

  it("takes the author, not the committer, and survives multi-line signature headers", () => {
    expect(parseCommit(`${headers}\n\nS\n`).authorName).toBe("Ada Lovelace");
  });
});
