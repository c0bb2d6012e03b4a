/** Jest in ESM mode (run with NODE_OPTIONS=--experimental-vm-modules, see package.json). */
export default {
  // Node's environment, plus a check that each test file stops every process it starts.
  testEnvironment: "<rootDir>/test/process-guard/leftover-process-environment.mjs",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }],
  },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
  globalSetup: "<rootDir>/test/global-setup.mjs",
};
