// Types of sandbox/ssm.mjs, for TypeScript callers (the integration tests, the benchmark).

/** Creates or overwrites a String parameter of data type aws:ec2:image holding `imageId`; resolves to its version. */
export function putImageParameter(endpoint: string, parameter: { region: string; name: string; imageId: string; account?: string }): Promise<number>;
