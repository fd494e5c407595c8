import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.createImage. PLACEHOLDER: replaced by the real action before this lands. */
export function createImage(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Create image from instance: not available yet.'));
}
