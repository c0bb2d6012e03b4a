// End to end: the bundled action (dist/index.js) run as the runner runs it, against the GitHub
// API simulator. One file, so the bundle is built once per test run (see ./scenarios/).
import { buildBundle } from "./run-bundled-action.js";
import { describeBasicRuns } from "./scenarios/basic-runs.js";
import { describeConfigAtBase } from "./scenarios/config-at-base.js";
import { describeEvents } from "./scenarios/events.js";
import { describeFaults } from "./scenarios/faults.js";
import { describeFileLists } from "./scenarios/file-lists.js";
import { describeForksAndModes } from "./scenarios/forks-and-modes.js";
import { describeRequestBudget } from "./scenarios/request-budget.js";

beforeAll(() => {
  buildBundle();
}, 60_000);

describeBasicRuns();
describeFileLists();
describeConfigAtBase();
describeForksAndModes();
describeFaults();
describeEvents();
describeRequestBudget();
