import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';

/** amiExplorer.editTags. PLACEHOLDER: replaced by the real action before this lands. */
export function editTags(_deps: ActionDeps): CommandHandler {
  return () => Promise.reject(new Error('Edit tags: not available yet.'));
}
