// Every route the simulator implements, in one list for the dispatcher.
import type { Route } from "../route-kit.js";
import { appRoutes } from "./app-routes.js";
import { artifactRoutes } from "./artifact-routes.js";
import { checkRunRoutes } from "./check-run-routes.js";
import { contentRoutes } from "./content-routes.js";
import { issueCommentRoutes } from "./issue-comment-routes.js";
import { issueRoutes } from "./issue-routes.js";
import { pullRoutes } from "./pull-routes.js";
import { rateLimitRoutes } from "./rate-limit-routes.js";
import { repoRoutes } from "./repo-routes.js";
import { reviewRoutes } from "./review-routes.js";
import { searchRoutes } from "./search-routes.js";
import { treeRoutes } from "./tree-routes.js";
import { userRoutes } from "./user-routes.js";
import { workflowRunRoutes } from "./workflow-run-routes.js";

export const allRoutes: Route[] = [
  ...repoRoutes,
  ...contentRoutes,
  ...treeRoutes,
  ...pullRoutes,
  ...issueRoutes,
  ...issueCommentRoutes,
  ...reviewRoutes,
  ...checkRunRoutes,
  ...appRoutes,
  ...artifactRoutes,
  ...rateLimitRoutes,
  ...userRoutes,
  ...searchRoutes,
  ...workflowRunRoutes,
];
