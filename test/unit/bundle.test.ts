import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Activation must not pay for the AWS SDK: it lives in its own bundle, loaded on the first AWS call.
describe('bundles', () => {
  const dist = join(__dirname, '..', '..', '..', 'dist');
  it('extension.js holds no AWS SDK code and loads aws.js lazily', () => {
    const ext = readFileSync(join(dist, 'extension.js'), 'utf8');
    assert.doesNotMatch(ext, /@aws-sdk\/|@smithy\/|DescribeImagesCommand/);
    assert.match(ext, /require\("\.\/aws\.js"\)/);
  });
  it('aws.js holds the EC2 client', () => {
    const sdk = readFileSync(join(dist, 'aws.js'), 'utf8');
    assert.match(sdk, /DescribeImagesCommand/);
  });
});
