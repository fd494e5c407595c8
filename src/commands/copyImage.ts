import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.copyImage. PLACEHOLDER: replaced by the real action before this lands. */
export function copyImage(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Copy to regions: not available yet.'));
}
