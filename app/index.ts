// The App's public entry for hosts other than `npm run app` (e.g. the AWS Lambda adapter).
export { createApp, type AppOptions } from "./create-app.js";
