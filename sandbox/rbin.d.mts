// Types of rbin.mjs, for the TypeScript tests.
export interface RbinAnswer {
  status: number;
  /** The JSON answer (undefined when empty). */
  body: Record<string, unknown> | undefined;
  /** The error type (`x-amzn-ErrorType`) of a failed call. */
  code?: string;
}

export interface RbinScope {
  region?: string;
  /** Act as another account (the sandbox's x-moto-account-id). */
  account?: string;
}

export function rbin(endpoint: string, scope: RbinScope, method: string, path: string, body?: unknown): Promise<RbinAnswer>;

/** Creates a retention rule for AMIs (region-level without `tags`); resolves to its identifier. */
export function createImageRule(endpoint: string, rule: RbinScope & { days: number; tags?: Record<string, string>; description?: string }): Promise<string>;

export function deleteRule(endpoint: string, scope: RbinScope, id: string): Promise<void>;
