// A small Recycle Bin (rbin) client for the sandbox: signed REST-JSON requests, as the service takes them, for the
// tests and anyone scripting the sandbox. (The npm registry's @aws-sdk/client-rbin is too old to share this SDK's core.)
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/** SHA-256 (HMAC-SHA-256 with a secret) in the shape SignatureV4 expects. */
class Sha256 {
  /** @param {string | Uint8Array} [secret] */
  constructor(secret) {
    this.hash = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  /** @param {string | Uint8Array} data */
  update(data) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * Calls the Recycle Bin API of the sandbox at `endpoint`; resolves to `{ status, body, code }` (code: the error type).
 * @param {string} endpoint
 * @param {{ region?: string, account?: string }} scope
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
export async function rbin(endpoint, { region = 'us-east-1', account } = {}, method, path, body) {
  const url = new URL(path, endpoint);
  const signer = new SignatureV4({
    service: 'rbin', region, sha256: Sha256,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const signed = await signer.sign({
    method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {},
    headers: {
      host: url.host,
      ...(payload ? { 'content-type': 'application/json' } : {}),
      ...(account ? { 'x-moto-account-id': account } : {}),
    },
    body: payload,
  });
  const res = await fetch(url, { method, headers: /** @type {Record<string, string>} */ (signed.headers), body: payload });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, code: res.headers.get('x-amzn-errortype') ?? undefined };
}

/**
 * Creates a retention rule for AMIs; resolves to its identifier.
 * @param {string} endpoint
 * @param {{ region?: string, account?: string, days: number, tags?: Record<string, string>, description?: string }} rule
 */
export async function createImageRule(endpoint, { region, account, days, tags, description }) {
  const { status, body } = await rbin(endpoint, { region, account }, 'POST', '/rules', {
    ResourceType: 'EC2_IMAGE',
    RetentionPeriod: { RetentionPeriodValue: days, RetentionPeriodUnit: 'DAYS' },
    ...(description ? { Description: description } : {}),
    ...(tags ? { ResourceTags: Object.entries(tags).map(([k, v]) => ({ ResourceTagKey: k, ResourceTagValue: v })) } : {}),
  });
  if (status !== 201) throw new Error(`CreateRule answered ${status}: ${JSON.stringify(body)}`);
  return /** @type {string} */ (body.Identifier);
}

/**
 * Deletes a retention rule.
 * @param {string} endpoint
 * @param {{ region?: string, account?: string }} scope
 * @param {string} id
 */
export async function deleteRule(endpoint, scope, id) {
  const { status, body } = await rbin(endpoint, scope, 'DELETE', `/rules/${id}`);
  if (status !== 204) throw new Error(`DeleteRule answered ${status}: ${JSON.stringify(body)}`);
}
