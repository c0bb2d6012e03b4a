// The fields of GitHub's pull-request object (REST response or webhook payload) the gate reads.

export interface ApiPullRequest {
  number: number;
  title: string;
  body?: string | null;
  state?: string;
  draft?: boolean;
  labels?: { name?: string }[];
  user?: { login: string } | null;
  changed_files?: number;
  base: { ref: string; sha: string; repo?: { full_name: string } | null };
  head: { ref: string; sha: string; repo?: { full_name: string; fork?: boolean } | null };
}
