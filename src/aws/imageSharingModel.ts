// Plain data of the share action, shared by the SDK side and the command.

export interface LaunchPermissionSet {
  readonly public: boolean;
  readonly accounts: readonly string[];
  readonly organizationArns: readonly string[];
  readonly organizationalUnitArns: readonly string[];
}

/** What ModifyImageAttribute adds and removes, in one call. */
export interface LaunchPermissionChange {
  readonly add: LaunchPermissionSet;
  readonly remove: LaunchPermissionSet;
}

export const imageBlockPublicAccessBlocked = 'block-new-sharing';
