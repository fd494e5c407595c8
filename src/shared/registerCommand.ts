import * as vscode from 'vscode';
import { isCancellation } from './cancellation';
import { log } from './log';
import { showError } from './notify';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * The only way this extension registers a command. A person is behind every command (programs use the API), so
 * a failure is logged and shown, never left as an unhandled rejection; a cancel is only logged.
 */
export function registerCommand(context: vscode.ExtensionContext, id: string, handler: CommandHandler): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        if (isCancellation(err)) {
          log().info(`${id}: cancelled`);
          return undefined;
        }
        log().error(`${id}: ${err.message}`);
        void showError(err.message);
        return undefined;
      }
    }),
  );
}
