// How every handler of the server runs: requests are refused outside the
// lifecycle (before initialize, after shutdown) and for parameters with a
// position, range or uri that is not valid (request-checks.ts); a failure is
// logged and answered with the handler's empty result, never thrown at the
// client. Notifications outside the lifecycle are dropped.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node.js';
import type { Connection } from 'vscode-languageserver/node.js';
import { invalidParams } from '../workspace/request-checks.js';
import type { Lifecycle } from '../workspace/request-checks.js';

export interface Guards {
  /** Logs `message: error` to the client's output (never throws). */
  log(message: string, error: unknown): void;
  /** A notification the server did not act on, and why (one line in the client's output). */
  ignored(method: string, why: string): void;
  /**
   * Runs a request handler: refused outside the lifecycle and for malformed
   * positions, ranges or uris (an error response); on failure logs and answers
   * `fallback` (a ResponseError passes through on purpose).
   */
  guard<P, R>(name: string, fallback: R, fn: (params: P) => R): (params: P) => R;
  /** Runs a notification handler: dropped outside the lifecycle; a failure is logged. */
  notified<P>(name: string, fn: (params: P) => void): (params: P) => void;
}

export function createGuards(connection: Connection, lifecycle: Lifecycle): Guards {
  const log = (message: string, error: unknown): void => {
    try {
      connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // The connection itself is gone; nothing to report to.
    }
  };
  return {
    log,
    ignored(method, why) {
      try {
        connection.console.warn(`Ignored ${method}: ${why}`);
      } catch {
        // The connection itself is gone.
      }
    },
    guard<P, R>(name: string, fallback: R, fn: (params: P) => R) {
      return (params: P) => {
        const refused = lifecycle.refuseRequest(name);
        if (refused) throw new ResponseError(refused[0], refused[1]);
        const bad = invalidParams(params);
        if (bad) throw new ResponseError(ErrorCodes.InvalidParams, `${name}: ${bad}.`);
        try {
          return fn(params);
        } catch (e) {
          if (e instanceof ResponseError) throw e;
          log(`${name} failed`, e);
          return fallback;
        }
      };
    },
    notified<P>(name: string, fn: (params: P) => void) {
      return (params: P) => {
        if (!lifecycle.acceptsNotifications) return;
        try {
          fn(params);
        } catch (e) {
          log(`${name} failed`, e);
        }
      };
    },
  };
}
