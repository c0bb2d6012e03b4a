// Bottleneck 2 (unmaintained) recovers from two errors its Redis scripts raise on purpose: a
// client Redis forgot (idle longer than its client timeout) registers again, and a limiter whose
// settings expired is set up again. It recognises them by their exact text, but Redis 7 prefixes
// an error reply without a code with "ERR ": unrecognised, they reached the App as Redis failures,
// and every one turned shared throttling off and on again ("Redis is unreachable (ERR
// UNKNOWN_CLIENT)" in each two-instance bench run whose logs were read). This gives Bottleneck
// back the text it expects.
import type Bottleneck from "bottleneck";

const RECOVERABLE = /^ERR (UNKNOWN_CLIENT|SETTINGS_KEY_NOT_FOUND)$/;

type Callback = (error: Error | null, replies: unknown) => void;
interface ScriptArgs {
  __scriptArgs__(name: string, id: string, args: unknown[], cb: Callback): unknown[];
}

export function unprefixScriptErrors(connection: Bottleneck.IORedisConnection): void {
  const target = connection as unknown as ScriptArgs;
  const scriptArgs = target.__scriptArgs__.bind(target);
  target.__scriptArgs__ = (name, id, args, cb) =>
    scriptArgs(name, id, args, (error, replies) => {
      if (error && RECOVERABLE.test(error.message)) error.message = error.message.slice(4);
      cb(error, replies);
    });
}
