// Plain data of the share action, shared by the SDK side and the command.

import type { LaunchPermissions } from './model';

/** Who may launch an image: the same shape whether it is the current state, what to add or what to remove. */
export type LaunchPermissionSet = LaunchPermissions;

/** What ModifyImageAttribute adds and removes, in one call. */
export interface LaunchPermissionChange {
  readonly add: LaunchPermissionSet;
  readonly remove: LaunchPermissionSet;
}

export const imageBlockPublicAccessBlocked = 'block-new-sharing';
