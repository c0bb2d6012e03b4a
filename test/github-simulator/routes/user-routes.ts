// GET /user: who a person's token belongs to. Installation tokens (the Actions GITHUB_TOKEN, App
// tokens) act as a bot, and GitHub refuses them here, as it does.
import { buildPublicUser } from "../build/build-user.js";
import { errorResult, ok, type Route } from "../route-kit.js";

export const userRoutes: Route[] = [
  {
    method: "GET",
    template: "/user",
    handle(ctx) {
      if (ctx.identity.type !== "User") {
        return errorResult(403, "Resource not accessible by integration");
      }
      return ok(buildPublicUser(ctx.identity, ctx.build, ctx.state.now()));
    },
  },
];
