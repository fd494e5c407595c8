// Turns whatever the SDK throws into a sentence a person can act on. Pure: unit-tested without AWS.

export type AwsErrorKind =
  | 'noCredentials'
  | 'profileNotFound'
  | 'ssoExpired'
  | 'expiredCredentials'
  | 'invalidCredentials'
  | 'accessDenied'
  | 'regionNotEnabled'
  | 'throttled'
  | 'serverError'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'notFound'
  | 'invalidInput'
  | 'other';

/** An AWS failure explained: `message` says what failed, `fix` what to do about it. */
export class AwsError extends Error {
  constructor(
    message: string,
    readonly kind: AwsErrorKind,
    readonly fix?: string,
    readonly code?: string,
  ) {
    super(fix ? `${message} ${fix}` : message);
    this.name = 'AwsError';
  }
  /** The failure without its remedy, for short labels. */
  get summary(): string {
    return this.fix ? this.message.slice(0, this.message.length - this.fix.length - 1) : this.message;
  }
}

export interface ErrorContext {
  /** The EC2 action attempted, e.g. "DescribeImages". */
  readonly action?: string;
  readonly region?: string;
  /** "" = default chain. */
  readonly profile?: string;
}

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  errno?: string | number;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
  cause?: unknown;
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

function errorCode(err: SdkLikeError): string | undefined {
  return err.Code ?? err.code ?? err.name;
}

function profileLabel(profile: string | undefined): string {
  return profile ? `profile "${profile}"` : 'the default credential chain';
}

/** The action name EC2 puts in an UnauthorizedOperation message, e.g. "ec2:DescribeImages". */
function deniedAction(message: string, fallback?: string): string | undefined {
  const m = /perform:\s*([a-z0-9-]+:[A-Za-z0-9]+)/.exec(message);
  return m?.[1] ?? (fallback ? (fallback.includes(':') ? fallback : `ec2:${fallback}`) : undefined);
}

export function toAwsError(error: unknown, ctx: ErrorContext = {}): AwsError {
  if (error instanceof AwsError) {
    return error;
  }
  const err: SdkLikeError = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const code = errorCode(err) ?? '';
  const message = err.message ?? String(error);
  const where = ctx.region ? ` in ${ctx.region}` : '';
  const profileArg = ctx.profile ? ` --profile ${ctx.profile}` : '';

  // Only the abort the caller asked for is a cancel; any other text that says "aborted" is a failure.
  if (err.name === 'AbortError') {
    return new AwsError('Cancelled.', 'cancelled', undefined, code);
  }
  if (/profile .* (could not be found|not found)|Profile .* not found/i.test(message)) {
    return new AwsError(`The AWS ${profileLabel(ctx.profile)} does not exist in ~/.aws/config or ~/.aws/credentials.`,
      'profileNotFound', 'Choose another profile with "AMI Explorer: Select AWS Profile", or create it with `aws configure' + profileArg + '`.', code);
  }
  if (/sso/i.test(message) && /(expired|refresh|token)/i.test(message) || code === 'TokenProviderError' || code === 'UnauthorizedException' && /sso/i.test(message)) {
    return new AwsError(`The AWS SSO session for ${profileLabel(ctx.profile)} has expired.`, 'ssoExpired',
      `Run \`aws sso login${profileArg}\`, then refresh.`, code);
  }
  if (code === 'CredentialsProviderError' || /could not load credentials|credential is missing|Unable to locate credentials/i.test(message)) {
    return new AwsError(`No AWS credentials found for ${profileLabel(ctx.profile)}.`, 'noCredentials',
      'Run `aws configure` (or `aws sso login`), or choose a profile with "AMI Explorer: Select AWS Profile".', code);
  }
  if (code === 'ExpiredToken' || code === 'RequestExpired' || code === 'ExpiredTokenException') {
    return new AwsError(`The AWS credentials of ${profileLabel(ctx.profile)} have expired.`, 'expiredCredentials',
      ctx.profile ? `Renew them (for SSO: \`aws sso login${profileArg}\`), then refresh.` : 'Renew them, then refresh.', code);
  }
  if (code === 'UnauthorizedOperation' || code === 'AccessDenied' || code === 'AccessDeniedException') {
    const action = deniedAction(message, ctx.action) ?? 'this action';
    return new AwsError(`Access denied: ${profileLabel(ctx.profile)} is not allowed to call ${action}${where}.`, 'accessDenied',
      `Ask your administrator to allow ${action} for this identity, or choose another profile.`, code);
  }
  if (code === 'OptInRequired') {
    return new AwsError(`Region ${ctx.region ?? ''} is not enabled for this account (${code}).`.replace('  ', ' '), 'regionNotEnabled',
      'Enable it in the AWS console (Account → AWS Regions), or remove it with "AMI Explorer: Select Regions".', code);
  }
  if (code === 'AuthFailure' || code === 'InvalidClientTokenId' || code === 'SignatureDoesNotMatch' || code === 'UnrecognizedClientException') {
    // EC2 says AuthFailure both for a wrong key and for a region the account has not enabled; AwsService tells
    // them apart by asking STS (see refineAuthFailure).
    return new AwsError(`AWS rejected the credentials of ${profileLabel(ctx.profile)}${where} (${code}).`, 'invalidCredentials',
      'Check the access key and secret (`aws configure' + profileArg + '`), or choose another profile.', code);
  }
  if (code === 'RequestLimitExceeded' || code === 'Throttling' || code === 'ThrottlingException' || code === 'TooManyRequestsException') {
    return new AwsError(`EC2 is throttling requests${where}, even after retries.`, 'throttled', 'Wait a minute, then refresh.', code);
  }
  const status = err.$metadata?.httpStatusCode ?? 0;
  if (code === 'InternalError' || code === 'InternalFailure' || code === 'ServiceUnavailable' || code === 'Unavailable' || status >= 500) {
    return new AwsError(`EC2${where} failed on its side (${code || status}), even after retries.`, 'serverError', 'Try again in a minute.', code);
  }
  if (code === 'TimeoutError' || code === 'ETIMEDOUT' || /timed? ?out/i.test(message) && !err.$metadata?.httpStatusCode) {
    return new AwsError(`EC2${where} did not answer in time.`, 'timeout', 'Check your network or proxy, then refresh.', code);
  }
  const sysCode = typeof err.errno === 'string' ? err.errno : (err.code ?? '');
  if (networkCodes.has(sysCode) || networkCodes.has(code) || /ECONNREFUSED|ENOTFOUND|getaddrinfo|socket hang up|connect E/i.test(message)) {
    return new AwsError(`Cannot reach EC2${where} (${sysCode || code || 'network error'}).`, 'network',
      'Check your network connection, proxy and the endpoint setting (amiExplorer.endpointUrl / AWS_ENDPOINT_URL), then refresh.', code);
  }
  if (/^Invalid.*NotFound$|\.NotFound$/.test(code)) {
    return new AwsError(message, 'notFound', undefined, code);
  }
  if (/^Invalid|Malformed|MissingParameter|ValidationError/.test(code)) {
    return new AwsError(message, 'invalidInput', undefined, code);
  }
  const action = ctx.action ? `${ctx.action}${where} failed: ` : '';
  return new AwsError(`${action}${message}${code && !message.includes(code) ? ` (${code})` : ''}`, 'other', undefined, code);
}

/**
 * An AuthFailure from one region while STS accepts the same credentials: the key is fine, so the region is not
 * enabled for the account (or an SCP's region deny answers that way). Other errors pass through.
 */
export function refineAuthFailure(error: AwsError, credentialsValid: boolean, region: string | undefined): AwsError {
  if (error.kind !== 'invalidCredentials' || error.code !== 'AuthFailure' || !credentialsValid || !region) {
    return error;
  }
  return new AwsError(`Region ${region} does not accept this account's credentials, which STS accepts (AuthFailure): the region is not enabled for the account, or a policy blocks it.`,
    'regionNotEnabled', 'Enable it in the AWS console (Account → AWS Regions), or remove it with "AMI Explorer: Select Regions".', error.code);
}

/** Worth trying again later: nothing says the answer would be the same. */
export function isTransient(error: AwsError): boolean {
  return error.kind === 'throttled' || error.kind === 'serverError' || error.kind === 'network' || error.kind === 'timeout';
}

/** The region refuses this identity (policy, opt-in, SCP): asking it again this session changes nothing. */
export function isRegionDenial(error: AwsError): boolean {
  return error.kind === 'accessDenied' || error.kind === 'regionNotEnabled';
}
