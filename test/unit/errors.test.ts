import * as assert from 'node:assert/strict';
import { toAwsError } from '../../src/aws/errors';

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
    const e = toAwsError(Object.assign(new Error('AWS was not able to validate the provided access credentials'), { name: 'AuthFailure' }), { region: 'ap-east-1' });
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
