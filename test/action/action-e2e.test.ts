// End to end: the committed bundle (dist/index.js) run as is, as the runner runs it, against the
// GitHub API simulator (scenarios in ./scenarios/). dist.test.ts fails when the bundle is stale.
import { describeBasicRuns } from "./scenarios/basic-runs.js";
import { describeConfigAtBase } from "./scenarios/config-at-base.js";
import { describeCoveragePaths } from "./scenarios/coverage-paths.js";
import { describeEnterpriseServer } from "./scenarios/enterprise-server.js";
import { describeEvents } from "./scenarios/events.js";
import { describeFaults } from "./scenarios/faults.js";
import { describeFileLists } from "./scenarios/file-lists.js";
import { describeForksAndModes } from "./scenarios/forks-and-modes.js";
import { describeRequestBudget } from "./scenarios/request-budget.js";

describeBasicRuns();
describeFileLists();
describeConfigAtBase();
describeForksAndModes();
describeFaults();
describeEvents();
describeRequestBudget();
describeEnterpriseServer();
describeCoveragePaths();
