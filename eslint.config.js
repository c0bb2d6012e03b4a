// Lint config. shared/core must stay pure: no I/O modules, no environment reads.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const ioModules = [
  "node:*",
  "fs",
  "fs/*",
  "path",
  "child_process",
  "http",
  "https",
  "net",
  "os",
  "process",
  "undici",
  "@actions/*",
  "@octokit/*",
  "probot",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "dist/",
      ".bench/",
      ".dist-check-*/",
      "coverage/",
      "test/fixtures/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    // CommonJS entry points (bin/shipgate.cjs): require is how they load.
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { process: "readonly", require: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["shared/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ioModules,
              message: "shared/core is pure: do I/O in an adapter and pass it in.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "shared/core never reads the environment." },
        { name: "fetch", message: "shared/core never touches the network." },
        { name: "require", message: "shared/core imports nothing with side effects." },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
);
