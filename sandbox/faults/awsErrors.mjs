// AWS error answers as each service sends them, so the AWS SDK parses an injected fault exactly as a real one:
// EC2 (ec2 query protocol) `<Response><Errors><Error>…</Error></Errors><RequestID>` XML, STS and IAM (awsQuery)
// `<ErrorResponse><Error><Type>` XML, KMS (awsJson1_1) `{ "__type", "message" }` JSON, the Recycle Bin (restJson1)
// `{ "message" }` JSON with the code in `x-amzn-ErrorType`. The SDK takes the code from
// the body and `$metadata.requestId` from the `x-amzn-RequestId` header, so both carry the same id.
import { randomUUID } from 'node:crypto';

/** @typedef {import('./client.mjs').FaultRule} FaultRule */
/** @typedef {{ service: string, action: string, account: string }} ErrorContext */
/** @typedef {[status: number, code: string, message: string | ((c: ErrorContext) => string)]} ErrorShape */

/** @param {ErrorContext} c */
const denied = (c) =>
  `User: arn:aws:iam::${c.account}:user/sandbox is not authorized to perform: ${c.service}:${c.action} with an explicit deny in a service control policy`;
const invalidToken = 'The security token included in the request is invalid.';
const rateExceeded = 'Rate exceeded';

/** What each service answers for each error fault: HTTP status, error code, message. */
const SHAPES = /** @type {Record<string, Record<string, ErrorShape>>} */ ({
  ec2: {
    RequestLimitExceeded: [503, 'RequestLimitExceeded', 'Request limit exceeded.'],
    Throttling: [400, 'Throttling', rateExceeded],
    InternalError: [500, 'InternalError', 'An internal error has occurred'],
    Unavailable: [503, 'Unavailable', "The server is overloaded and can't handle the request."],
    AccessDenied: [403, 'AccessDenied', denied],
    UnauthorizedOperation: [403, 'UnauthorizedOperation', (c) => `You are not authorized to perform this operation. ${denied(c)}`],
    OptInRequired: [401, 'OptInRequired', 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.'],
    AuthFailure: [401, 'AuthFailure', 'AWS was not able to validate the provided access credentials'],
  },
  // STS has no EC2 codes of its own for these: the nearest it really sends.
  sts: {
    RequestLimitExceeded: [400, 'Throttling', rateExceeded],
    Throttling: [400, 'Throttling', rateExceeded],
    InternalError: [500, 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.'],
    Unavailable: [503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'],
    AccessDenied: [403, 'AccessDenied', denied],
    UnauthorizedOperation: [403, 'AccessDenied', denied],
    OptInRequired: [403, 'RegionDisabledException', (c) =>
      `STS is not activated in this region for account:${c.account}. Your account administrator can activate STS in this region using the IAM Console.`],
    AuthFailure: [403, 'InvalidClientTokenId', invalidToken],
  },
  // IAM is global: a region it has not enabled does not exist for it.
  iam: {
    RequestLimitExceeded: [400, 'Throttling', rateExceeded],
    Throttling: [400, 'Throttling', rateExceeded],
    InternalError: [500, 'ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.'],
    Unavailable: [503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.'],
    AccessDenied: [403, 'AccessDenied', denied],
    UnauthorizedOperation: [403, 'AccessDenied', denied],
    OptInRequired: [403, 'InvalidClientTokenId', invalidToken],
    AuthFailure: [403, 'InvalidClientTokenId', invalidToken],
  },
  kms: {
    RequestLimitExceeded: [400, 'ThrottlingException', rateExceeded],
    Throttling: [400, 'ThrottlingException', rateExceeded],
    InternalError: [500, 'KMSInternalException', 'An internal error has occurred.'],
    Unavailable: [503, 'ServiceUnavailableException', 'The service is unavailable.'],
    AccessDenied: [400, 'AccessDeniedException', denied],
    UnauthorizedOperation: [400, 'AccessDeniedException', denied],
    OptInRequired: [400, 'UnrecognizedClientException', invalidToken],
    AuthFailure: [400, 'UnrecognizedClientException', invalidToken],
  },
  // The Recycle Bin's REST API answers with the generic AWS JSON errors.
  rbin: {
    RequestLimitExceeded: [400, 'ThrottlingException', rateExceeded],
    Throttling: [400, 'ThrottlingException', rateExceeded],
    InternalError: [500, 'InternalServerException', 'The service could not respond to the request due to an internal problem.'],
    Unavailable: [503, 'ServiceUnavailableException', 'The service is unavailable.'],
    AccessDenied: [403, 'AccessDeniedException', denied],
    UnauthorizedOperation: [403, 'AccessDeniedException', denied],
    OptInRequired: [403, 'UnrecognizedClientException', invalidToken],
    AuthFailure: [403, 'UnrecognizedClientException', invalidToken],
  },
});

/** @param {string} s */
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The answer for an error fault; `status`, `code` and `message` in the rule override the service's usual ones.
 * Requests of other services get EC2's shape.
 * @param {FaultRule} rule
 * @param {ErrorContext} context
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function errorResponse(rule, context) {
  const shapes = SHAPES[context.service] ?? SHAPES.ec2;
  const [usualStatus, usualCode, usualMessage] = shapes[rule.fault];
  const status = rule.status ?? usualStatus;
  const code = rule.code ?? usualCode;
  const message = rule.message ?? (typeof usualMessage === 'function' ? usualMessage(context) : usualMessage);
  const requestId = randomUUID();
  const headers = { 'x-amzn-RequestId': requestId };
  if (context.service === 'kms') {
    return { status, headers: { ...headers, 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: code, message }) };
  }
  if (context.service === 'rbin') {
    return { status, headers: { ...headers, 'content-type': 'application/json', 'x-amzn-ErrorType': code }, body: JSON.stringify({ message }) };
  }
  if (context.service === 'sts' || context.service === 'iam') {
    const type = status >= 500 ? 'Receiver' : 'Sender';
    const namespace = context.service === 'sts' ? 'https://sts.amazonaws.com/doc/2011-06-15/' : 'https://iam.amazonaws.com/doc/2010-05-08/';
    const body =
      `<ErrorResponse xmlns="${namespace}">` +
      `<Error><Type>${type}</Type><Code>${xml(code)}</Code><Message>${xml(message)}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status, headers: { ...headers, 'content-type': 'text/xml' }, body };
  }
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${xml(code)}</Code><Message>${xml(message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`;
  return { status, headers: { ...headers, 'content-type': 'text/xml;charset=UTF-8', server: 'AmazonEC2' }, body };
}
