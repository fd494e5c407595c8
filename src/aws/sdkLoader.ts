import type * as Sdk from './sdk/bundle';

export type SdkModule = typeof Sdk;

let loading: Promise<SdkModule> | undefined;
let loadedAt: number | undefined;

/** The build maps './sdk/bundle' to dist/aws.js, so the SDK is read from disk here, on first use only. */
export function loadSdk(): Promise<SdkModule> {
  loading ??= Promise.resolve().then(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('./sdk/bundle') as SdkModule;
    loadedAt = Date.now();
    return sdk;
  });
  return loading;
}

/** Whether any AWS call has loaded the SDK yet (activation must not). */
export function isSdkLoaded(): boolean {
  return loadedAt !== undefined;
}
