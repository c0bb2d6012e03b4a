// The pull_request activity types the gate evaluates, for the Action and the App alike: each can
// change the verdict (new commits, a new description or labels, a draft made ready).
export const PULL_REQUEST_ACTIONS = [
  "opened",
  "synchronize",
  "reopened",
  "edited",
  "labeled",
  "unlabeled",
  "ready_for_review",
] as const;
