import * as assert from 'node:assert/strict';
import { isRegionDenial, isTransient, refineAuthFailure, toAwsError } from '../../src/aws/errors';

describe('toAwsError', () => {
  it('explains missing credentials and how to add them', () => {
    const e = toAwsError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), {});
    assert.equal(e.kind, 'noCredentials');
    assert.match(e.message, /No AWS credentials found for the default credential chain/);
    assert.match(e.message, /aws configure/);
  });

  it('tells an expired SSO session to log in with the profile', () => {
    const e = toAwsError(new Error('The SSO session associated with this profile has expired or is otherwise invalid.'), { profile: 'dev' });
    assert.equal(e.kind, 'ssoExpired');
    assert.match(e.message, /aws sso login --profile dev/);
  });

  it('names the denied action from an UnauthorizedOperation', () => {
    const err = Object.assign(new Error('You are not authorized to perform: ec2:DescribeImages on resource: *'), { name: 'UnauthorizedOperation' });
    const e = toAwsError(err, { action: 'DescribeImages', region: 'eu-west-1', profile: 'ro' });
    assert.equal(e.kind, 'accessDenied');
    assert.match(e.message, /not allowed to call ec2:DescribeImages in eu-west-1/);
  });

  it('falls back to the attempted action when EC2 does not name it', () => {
    const e = toAwsError(Object.assign(new Error('denied'), { name: 'UnauthorizedOperation' }), { action: 'CopyImage' });
    assert.match(e.message, /ec2:CopyImage/);
  });

  it('recognises a region that is not enabled', () => {
    const e = toAwsError(Object.assign(new Error('You are not subscribed to this service.'), { name: 'OptInRequired' }), { region: 'ap-east-1' });
    assert.equal(e.kind, 'regionNotEnabled');
    assert.match(e.message, /Region ap-east-1 is not enabled/);
  });

  it('reports throttling after retries', () => {
    const e = toAwsError(Object.assign(new Error('Rate exceeded'), { name: 'RequestLimitExceeded' }), { region: 'us-east-1' });
    assert.equal(e.kind, 'throttled');
  });

  it('says the network is unreachable, with the endpoint settings to check', () => {
    const e = toAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), { region: 'us-east-1' });
    assert.equal(e.kind, 'network');
    assert.match(e.message, /Cannot reach EC2 in us-east-1 \(ECONNREFUSED\)/);
    assert.match(e.message, /amiExplorer\.endpointUrl/);
  });

  it('keeps EC2\'s own message for anything else and never includes secrets it was not given', () => {
    const e = toAwsError(Object.assign(new Error('Something odd'), { name: 'WeirdError' }), { action: 'DescribeImages', region: 'us-east-1' });
    assert.equal(e.kind, 'other');
    assert.equal(e.message, 'DescribeImages in us-east-1 failed: Something odd (WeirdError)');
  });

  it('summary drops the fix', () => {
    const e = toAwsError(Object.assign(new Error('x'), { name: 'RequestLimitExceeded' }), { region: 'us-east-1' });
    assert.equal(e.summary, 'EC2 is throttling requests in us-east-1, even after retries.');
  });
});

describe('toAwsError, code by code', () => {
  const sdkError = (name: string, message = 'x', status?: number) =>
    Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });
  const cases: [string, Error, string][] = [
    ['RequestLimitExceeded', sdkError('RequestLimitExceeded', 'Request limit exceeded.', 503), 'throttled'],
    ['Throttling', sdkError('Throttling', 'Rate exceeded', 400), 'throttled'],
    ['InternalError', sdkError('InternalError', 'An internal error has occurred', 500), 'serverError'],
    ['Unavailable', sdkError('Unavailable', 'Service unavailable', 503), 'serverError'],
    ['a bare 502', sdkError('UnknownError', 'Bad gateway', 502), 'serverError'],
    ['UnauthorizedOperation', sdkError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403), 'accessDenied'],
    ['AccessDenied', sdkError('AccessDenied', 'denied by an explicit deny in a service control policy', 403), 'accessDenied'],
    ['OptInRequired', sdkError('OptInRequired', 'You are not subscribed to this service.', 401), 'regionNotEnabled'],
    ['AuthFailure (a wrong key, until STS says otherwise)', sdkError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401), 'invalidCredentials'],
    ['TimeoutError from the SDK', sdkError('TimeoutError', 'Request did not complete within 10000 ms'), 'timeout'],
    ['AbortError', sdkError('AbortError', 'Request aborted'), 'cancelled'],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'network'],
  ];
  for (const [what, error, kind] of cases) {
    it(`${what} → ${kind}`, () => {
      assert.equal(toAwsError(error, { action: 'DescribeImages', region: 'eu-west-1' }).kind, kind);
    });
  }

  it('a message that merely says "aborted" is not a cancel', () => {
    const e = toAwsError(Object.assign(new Error('Connection aborted by peer'), { name: 'Error' }), { region: 'us-east-1' });
    assert.notEqual(e.kind, 'cancelled');
  });

  it('a wrong secret key is not called "region not enabled"', () => {
    const e = toAwsError(sdkError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401), { region: 'us-east-1', profile: 'dev' });
    assert.doesNotMatch(e.message, /not enabled/);
    assert.match(e.message, /rejected the credentials of profile "dev" in us-east-1 \(AuthFailure\)/);
  });

  it('AuthFailure from one region while STS accepts the credentials: the region is not enabled', () => {
    const raw = toAwsError(sdkError('AuthFailure', 'x', 401), { region: 'ap-east-1' });
    assert.equal(refineAuthFailure(raw, true, 'ap-east-1').kind, 'regionNotEnabled');
    assert.match(refineAuthFailure(raw, true, 'ap-east-1').message, /Region ap-east-1 does not accept/);
    assert.equal(refineAuthFailure(raw, false, 'ap-east-1').kind, 'invalidCredentials');
  });

  it('transient failures are retried later; denials are remembered for the session', () => {
    const kindOf = (name: string, status?: number) => toAwsError(sdkError(name, 'x', status), { region: 'r' });
    assert.ok(isTransient(kindOf('RequestLimitExceeded', 503)));
    assert.ok(isTransient(kindOf('InternalError', 500)));
    assert.ok(isTransient(kindOf('TimeoutError')));
    assert.ok(!isTransient(kindOf('UnauthorizedOperation', 403)));
    assert.ok(isRegionDenial(kindOf('UnauthorizedOperation', 403)));
    assert.ok(isRegionDenial(kindOf('OptInRequired', 401)));
    assert.ok(!isRegionDenial(kindOf('InternalError', 500)));
  });
});
