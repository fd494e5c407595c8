import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.shareImage. PLACEHOLDER: replaced by the real action before this lands. */
export function shareImage(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Share: not available yet.'));
}
