import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.launchInstance. PLACEHOLDER: replaced by the real action before this lands. */
export function launchInstance(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Launch: not available yet.'));
}
