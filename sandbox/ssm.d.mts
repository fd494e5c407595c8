// Types of sandbox/ssm.mjs, for TypeScript callers (the integration tests, the benchmark).

/** Creates or overwrites a String parameter of data type aws:ec2:image holding `imageId`; resolves to its version. */
export function putImageParameter(endpoint: string, parameter: { region: string; name: string; imageId: string; account?: string }): Promise<number>;

/** The account the sandbox publishes AWS's public `/aws/service/...` parameters as. */
export const PUBLIC_PARAMETER_PUBLISHER: string;

/** Publishes (or updates) one of AWS's public parameters in a region, readable by every account. */
export function publishPublicParameter(endpoint: string, parameter: { region: string; name: string; value: string; dataType?: 'aws:ec2:image' | 'text' }): Promise<number>;
