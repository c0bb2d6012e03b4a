// Public entry of the GitHub REST API simulator used by the action and app tests.
export { createSimulator } from "./create-simulator.js";
export type { RequestRecord, Simulator, SimulatorOptions } from "./create-simulator.js";
export type { AppConfig, TokenPermission } from "./create-auth.js";
export type { FaultHandle, FaultSpec } from "./create-faults.js";
export type { Gate, HeldRequest, HoldSpec } from "./create-holds.js";
export { primaryRateLimit, secondaryRateLimit, serverError } from "./fault-presets.js";
export type { SimState } from "./create-state.js";
export type { IssueSeed, PullSeed, RepoSeed } from "./seed-records.js";
export type { PrFileSeed } from "./to-pr-file.js";
export { MAX_PR_FILES } from "./routes/pull-routes.js";
export { MAX_ANNOTATIONS_PER_REQUEST } from "./routes/apply-check-run-input.js";
export type * from "./types.js";
export { generateAppKey, signAppJwt } from "./app-jwt.js";
export type { TestAppKey } from "./app-jwt.js";
