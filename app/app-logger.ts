// The slice of Probot's (pino) logger the App uses, so handlers can be driven by a test logger.

export interface AppLogger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}
