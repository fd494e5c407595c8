// SSM Parameter Store in the sandbox, for the parameters that name an image (data type aws:ec2:image), which
// DescribeImageReferences reports, and AWS's public `/aws/service/...` parameters code refers to. Seeding needs no
// SSM client: PutParameter is sent as the SDK sends it (the JSON protocol, its credential scope naming the region
// and service). moto does not check signatures, so the Authorization header carries the scope only.
//
//   import { putImageParameter } from './sandbox/ssm.mjs';
//   await putImageParameter(endpoint, { region: 'us-east-1', name: '/golden/pettracker', imageId });

/**
 * PutParameter (String, overwriting) as `account` (moto's own account when undefined); resolves to its version.
 * @param {string} endpoint
 * @param {string} region
 * @param {string | undefined} account
 * @param {{ name: string, value: string, dataType: string }} parameter
 * @returns {Promise<number>}
 */
async function putParameter(endpoint, region, account, { name, value, dataType }) {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonSSM.PutParameter',
      authorization: `AWS4-HMAC-SHA256 Credential=testing/${day}/${region}/ssm/aws4_request, SignedHeaders=host, Signature=sandbox`,
      ...(account ? { 'x-moto-account-id': account } : {}),
    },
    body: JSON.stringify({ Name: name, Value: value, Type: 'String', DataType: dataType, Overwrite: true }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`PutParameter ${name} in ${region} failed: ${response.status} ${text}`);
  }
  return JSON.parse(text).Version;
}

/**
 * Creates or overwrites a String parameter of data type aws:ec2:image holding `imageId`; resolves to its version.
 * @param {string} endpoint the sandbox's (or moto's) endpoint
 * @param {{ region: string, name: string, imageId: string, account?: string }} parameter `account` acts as another account
 * @returns {Promise<number>}
 */
export function putImageParameter(endpoint, { region, name, imageId, account }) {
  return putParameter(endpoint, region, account, { name, value: imageId, dataType: 'aws:ec2:image' });
}

/** The account the sandbox publishes AWS's public `/aws/service/...` parameters as (sandbox/moto/ssm_public_patches.py). */
export const PUBLIC_PARAMETER_PUBLISHER = '000000000000';

/**
 * Publishes (or updates) one of AWS's public parameters in a region, readable by every account, as AWS publishes
 * `/aws/service/...` paths; resolves to its version.
 * @param {string} endpoint
 * @param {{ region: string, name: string, value: string, dataType?: 'aws:ec2:image' | 'text' }} parameter
 * @returns {Promise<number>}
 */
export async function publishPublicParameter(endpoint, { region, name, value, dataType = 'aws:ec2:image' }) {
  if (!name.startsWith('/aws/service/')) {
    throw new Error(`${name}: public parameters live under /aws/service/`);
  }
  return putParameter(endpoint, region, PUBLIC_PARAMETER_PUBLISHER, { name, value, dataType });
}
