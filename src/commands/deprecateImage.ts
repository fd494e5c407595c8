import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.deprecateImage. PLACEHOLDER: replaced by the real action before this lands. */
export function deprecateImage(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Deprecate: not available yet.'));
}
