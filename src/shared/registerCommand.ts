import * as vscode from 'vscode';
import { AwsError } from '../aws/errors';
import { log } from './log';
import { isPlainObject } from './plainObject';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * The only way this extension registers a command. Failures are logged, shown to the user when a person
 * started the command, and rethrown to programmatic callers (one plain-object argument), whose promise
 * rejects with the same message.
 */
export function registerCommand(context: vscode.ExtensionContext, id: string, handler: CommandHandler): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        if (err instanceof AwsError && err.kind === 'cancelled') {
          log().info(`${id}: cancelled`);
          return undefined;
        }
        log().error(`${id}: ${err.message}`);
        if (args.length === 1 && isPlainObject(args[0])) {
          throw err;
        }
        void vscode.window.showErrorMessage(err.message);
        return undefined;
      }
    }),
  );
}
