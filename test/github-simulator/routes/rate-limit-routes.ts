// GET /rate_limit: a generous, never-exhausted budget (use sim.fail to simulate exhaustion).
import { ok, type Route } from "../route-kit.js";

export const rateLimitRoutes: Route[] = [
  {
    method: "GET",
    template: "/rate_limit",
    handle() {
      const reset = Math.floor(Date.now() / 1000) + 3600;
      const budget = (limit: number) => ({ limit, used: 0, remaining: limit, reset });
      return ok({
        resources: { core: budget(5000), search: budget(30), graphql: budget(5000) },
        rate: budget(5000),
      });
    },
  },
];
