import * as assert from 'node:assert/strict';
import { namingResource } from '../../src/aws/deniedResource';
import { AwsError, toAwsError } from '../../src/aws/errors';

describe('namingResource', () => {
  it('adds the resource to an access-denied failure, keeping the action, region and fix', () => {
    const denied = toAwsError(Object.assign(new Error('denied'), { name: 'UnauthorizedOperation' }), { action: 'RunInstances', region: 'us-west-1' });
    const named = namingResource(denied, 'image ami-0123456789abcdef0');
    assert.ok(named instanceof AwsError);
    assert.equal(named.kind, 'accessDenied');
    assert.match(named.message, /not allowed to call ec2:RunInstances in us-west-1 for image ami-0123456789abcdef0\. Ask your administrator to allow ec2:RunInstances/);
  });

  it('leaves every other failure as it was', () => {
    const other = new AwsError('EC2 is throttling requests.', 'throttled', 'Wait a minute, then refresh.');
    assert.equal(namingResource(other, 'image ami-0123456789abcdef0'), other);
    const plain = new Error('boom');
    assert.equal(namingResource(plain, 'instance i-0123456789abcdef0'), plain);
  });
});
