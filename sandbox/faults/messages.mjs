// HTTP messages through the fault proxy: what a request targets, reading it, sending an answer.

/** @typedef {import('./rules.mjs').RequestTarget & { account: string }} Target */
/** @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders | Record<string, string>, body: Buffer | string }} Answer */

/** The account moto acts as unless a request says otherwise (as seed.mjs's OUR_ACCOUNT). */
const DEFAULT_ACCOUNT = '123456789012';
/** Headers about one connection, not the message: never passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length']);

/**
 * The region, service and action of a signed AWS request, from its SigV4 credential scope
 * (`Credential=AKID/20261201/us-east-1/ec2/aws4_request`, in the Authorization header or a presigned URL) and its
 * `Action` (form body or query), `X-Amz-Target` (JSON protocols such as KMS') or its method and path (the Recycle Bin's
 * REST API). Undefined when it is not signed.
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url
 * @param {Buffer} body
 * @returns {Target | undefined}
 */
export function targetOf(req, url, body) {
  const credential = /Credential=([^,\s]+)/.exec(req.headers.authorization ?? '')?.[1] ?? url.searchParams.get('X-Amz-Credential');
  if (!credential) return undefined;
  const [, , region = '', service = ''] = credential.split('/');
  const account = req.headers['x-moto-account-id'];
  return { region, service, action: service === 'rbin' ? rbinAction(req.method ?? '', url.pathname) : actionOf(req, url, body), account: typeof account === 'string' ? account : DEFAULT_ACCOUNT };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url
 * @param {Buffer} body
 */
function actionOf(req, url, body) {
  const amzTarget = req.headers['x-amz-target'];
  if (typeof amzTarget === 'string') return amzTarget.slice(amzTarget.lastIndexOf('.') + 1);
  const fromQuery = url.searchParams.get('Action');
  if (fromQuery) return fromQuery;
  const match = /(?:^|&)Action=([^&]*)/.exec(body.toString('latin1'));
  return match ? decodeURIComponent(match[1]) : '';
}

/**
 * The Recycle Bin operation a REST request calls, from its method and path.
 * @param {string} method
 * @param {string} path
 */
function rbinAction(method, path) {
  if (path === '/list-rules') return 'ListRules';
  if (path === '/rules') return method === 'POST' ? 'CreateRule' : '';
  if (/^\/rules\/[^/]+$/.test(path)) return { GET: 'GetRule', DELETE: 'DeleteRule', PATCH: 'UpdateRule' }[method] ?? '';
  return '';
}

/** @param {import('node:http').IncomingMessage} req */
export async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** @param {import('node:http').IncomingHttpHeaders | Record<string, string>} headers */
export function withoutHopByHop(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name.toLowerCase())));
}

/**
 * Sends the status and headers of `answer` now, with the Content-Length of its whole body.
 * @param {import('node:http').ServerResponse} res
 * @param {Answer} answer
 */
export function writeHead(res, answer) {
  res.writeHead(answer.status, { ...withoutHopByHop(answer.headers), 'content-length': String(Buffer.byteLength(answer.body)) });
  res.flushHeaders();
}

/**
 * Sends `answer` whole, unless the connection is gone or an answer was started.
 * @param {import('node:http').ServerResponse} res
 * @param {Answer} answer
 */
export function send(res, answer) {
  if (res.destroyed || res.headersSent) return;
  writeHead(res, answer);
  res.end(answer.body);
}
