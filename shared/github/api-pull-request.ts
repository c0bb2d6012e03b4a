// The fields of GitHub's pull-request object (REST response or webhook payload) the gate reads,
// as a schema: both come from outside, so a field of the wrong type is caught here, by name.
import { z } from "zod";
import { commitShaSchema } from "./parse-answer.js";

const branchSchema = z.object({
  ref: z.string(),
  sha: commitShaSchema,
});

export const apiPullRequestSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.string().optional(),
  draft: z.boolean().optional(),
  labels: z.array(z.object({ name: z.string().optional() })).optional(),
  user: z.object({ login: z.string() }).nullish(),
  changed_files: z.number().int().nonnegative().optional(),
  created_at: z.string().optional(),
  base: branchSchema.extend({
    repo: z.object({ full_name: z.string(), default_branch: z.string().optional() }).nullish(),
  }),
  head: branchSchema.extend({
    repo: z.object({ full_name: z.string(), fork: z.boolean().optional() }).nullish(),
  }),
});

export type ApiPullRequest = z.infer<typeof apiPullRequestSchema>;
