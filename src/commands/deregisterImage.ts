import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.deregisterImage. PLACEHOLDER: replaced by the real action before this lands. */
export function deregisterImage(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Deregister: not available yet.'));
}
