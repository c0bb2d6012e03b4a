// Finds `owner/repo` in a GitHub remote URL, so `#12` in a PR body can name this repository.

const patterns = [
  /^git@github\.com:([^/]+)\/([^/]+?)(?:\.git)?\/?$/i,
  /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?github\.com(?::\d+)?\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i,
];

/** `owner/repo` for a github.com remote URL, else null (other hosts cannot be linked to). */
export function parseRemoteRepository(url: string): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(url);
    if (match?.[1] && match[2]) return `${match[1]}/${match[2]}`;
  }
  return null;
}
