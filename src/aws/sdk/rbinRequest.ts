// The Recycle Bin (rbin) REST-JSON API as a few signed requests. The npm registry's @aws-sdk/client-rbin (3.523.0)
// would bundle a second, two-year-old SDK core next to the EC2 client's; these are the signer, HTTP handler and
// credential chain that client already uses, so the SDK bundle grows by this file alone.
import { createHash, createHmac } from 'node:crypto';
import { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import { partitionOf, type Partition } from '../../shared/partition';
import type { Connection } from '../model';
import { credentialsFor } from './clients';

const bytes = (data: SourceData): Uint8Array | string =>
  (typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));

/** SHA-256, or HMAC-SHA-256 with a secret, in the shape SignatureV4 asks for. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

const dnsSuffix: Record<Partition, string> = {
  aws: 'amazonaws.com',
  'aws-us-gov': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
  'aws-iso': 'c2s.ic.gov',
  'aws-eusc': 'amazonaws.eu',
};

/** The endpoint override (the setting, then the SDK's AWS_ENDPOINT_URL_RBIN / AWS_ENDPOINT_URL), else the region's. */
export function rbinEndpoint(connection: Connection, region: string, env: NodeJS.ProcessEnv = process.env): URL {
  const override = connection.endpoint || env.AWS_ENDPOINT_URL_RBIN || env.AWS_ENDPOINT_URL;
  return new URL(override || `https://rbin.${region}.${dnsSuffix[partitionOf(region)]}`);
}

/** A failure as the SDK's clients report one: `name` is the service's error code. */
export class RbinServiceError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };
  constructor(code: string, message: string, status: number, requestId?: string) {
    super(message || `${code} (HTTP ${status})`);
    this.name = code;
    this.$metadata = { httpStatusCode: status, requestId };
  }
}

// Per attempt, as the EC2 client's handler (clients.ts): a server that never answers ends the attempt.
let handler: NodeHttpHandler | undefined;
const http = () => (handler ??= new NodeHttpHandler({ connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true }));

/** Throttling, a server failure or a dropped connection: worth another attempt, as the SDK's retry strategy does. */
function isRetryable(error: unknown): boolean {
  if (error instanceof RbinServiceError) {
    return error.$metadata.httpStatusCode >= 500 || /Throttl|TooManyRequests/.test(error.name);
  }
  const code = (error as { code?: string; name?: string }).code ?? (error as { name?: string }).name ?? '';
  return ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'TimeoutError'].includes(code);
}

async function readBody(body: unknown): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function attempt<T>(connection: Connection, region: string, call: { method: string; path: string; body?: unknown }, signal?: AbortSignal): Promise<T> {
  const endpoint = rbinEndpoint(connection, region);
  const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
  const request = new HttpRequest({
    method: call.method,
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: `${endpoint.pathname.replace(/\/$/, '')}${call.path}`,
    headers: { host: endpoint.host, ...(payload ? { 'content-type': 'application/json' } : {}) },
    body: payload,
  });
  const signer = new SignatureV4({ service: 'rbin', region, credentials: credentialsFor(connection.profile), sha256: Sha256 });
  const { response } = await http().handle(await signer.sign(request) as HttpRequest, { abortSignal: signal });
  const text = await readBody(response.body);
  const requestId = response.headers['x-amzn-requestid'];
  if (response.statusCode >= 300) {
    let parsed: { message?: string; Message?: string; __type?: string } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      // Not JSON (a proxy's page): the status says enough.
    }
    // "ValidationException:http://internal.amazon.com/…" or "aws.protocoltests#ValidationException": the code alone.
    const type = response.headers['x-amzn-errortype'] ?? parsed.__type ?? `HTTP${response.statusCode}`;
    const code = type.replace(/:.*$/, '').replace(/^.*#/, '');
    throw new RbinServiceError(code, parsed.message ?? parsed.Message ?? '', response.statusCode, requestId);
  }
  return (text ? JSON.parse(text) : {}) as T;
}

/** One Recycle Bin call: signed with the profile's credentials, retried twice on throttling and server failures. */
export async function rbinRequest<T>(connection: Connection, region: string, call: { method: string; path: string; body?: unknown }, signal?: AbortSignal): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt<T>(connection, region, call, signal);
    } catch (error) {
      if (tries >= 3 || signal?.aborted || !isRetryable(error)) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** tries * (0.5 + Math.random())));
    }
  }
}
