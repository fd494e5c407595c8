// CopyImage encryption as the sandbox patches it (sandbox/moto/sharing_patches.py). Copies go from us-west-2 to
// eu-central-1, which the seed leaves empty.
import assert from 'node:assert/strict';
import { CopyImageCommand, CreateSnapshotCommand, CreateVolumeCommand, DescribeImagesCommand, RegisterImageCommand } from '@aws-sdk/client-ec2';
import { CreateAliasCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ec2, rejectsWithCode, sandbox } from './fixture.mjs';

const SOURCE = 'us-west-2';
const TARGET = 'eu-central-1';

describe('sandbox CopyImage encryption', function () {
  this.timeout(60_000);
  /** @type {string} */
  let endpoint;
  let counter = 0;

  before(async () => {
    ({ manifest: { endpoint } } = await sandbox());
  });

  /** @param {boolean} [encrypted] */
  async function register(encrypted) {
    const client = ec2(endpoint, SOURCE);
    const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${SOURCE}a`, Size: 8, Encrypted: encrypted }));
    const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId }));
    const { ImageId } = await client.send(new RegisterImageCommand({
      Name: `sharing-${++counter}`, Architecture: 'x86_64', RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId } }],
    }));
    return /** @type {string} */ (ImageId);
  }

  /** @param {import('@aws-sdk/client-ec2').CopyImageCommandInput} input */
  async function copyAndDescribe(input) {
    const client = ec2(endpoint, TARGET);
    const { ImageId } = await client.send(new CopyImageCommand(input));
    const out = await client.send(new DescribeImagesCommand({ ImageIds: [/** @type {string} */ (ImageId)] }));
    return /** @type {import('@aws-sdk/client-ec2').Image} */ (out.Images?.[0]);
  }

  const ebs = (/** @type {import('@aws-sdk/client-ec2').Image} */ image) => image.BlockDeviceMappings?.[0].Ebs;

  it('leaves an unencrypted copy unencrypted', async () => {
    const copy = await copyAndDescribe({ SourceImageId: await register(), SourceRegion: SOURCE, Name: `sharing-plain-${++counter}` });
    assert.equal(ebs(copy)?.Encrypted, false);
    assert.equal(ebs(copy)?.KmsKeyId, undefined);
  });

  it('Encrypted alone uses the region\'s default EBS key', async () => {
    const copy = await copyAndDescribe({ SourceImageId: await register(), SourceRegion: SOURCE, Name: `sharing-default-${++counter}`, Encrypted: true });
    assert.equal(ebs(copy)?.Encrypted, true);
    assert.match(ebs(copy)?.KmsKeyId ?? '', /^arn:aws:kms:eu-central-1:123456789012:key\//);
  });

  it('KmsKeyId (an alias) encrypts with that key of the target region', async () => {
    const kms = new KMSClient({ endpoint, region: TARGET, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const key = await kms.send(new CreateKeyCommand({}));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sharing-test', TargetKeyId: key.KeyMetadata?.KeyId }));
    kms.destroy();
    const copy = await copyAndDescribe({ SourceImageId: await register(), SourceRegion: SOURCE, Name: `sharing-kms-${++counter}`, Encrypted: true, KmsKeyId: 'alias/sharing-test' });
    assert.equal(ebs(copy)?.KmsKeyId, key.KeyMetadata?.Arn);
  });

  it('a copy of an encrypted image stays encrypted', async () => {
    const copy = await copyAndDescribe({ SourceImageId: await register(true), SourceRegion: SOURCE, Name: `sharing-enc-${++counter}` });
    assert.equal(ebs(copy)?.Encrypted, true);
  });

  it('refuses an unknown key, and KmsKeyId without Encrypted, before copying anything', async () => {
    const client = ec2(endpoint, TARGET);
    const count = async () => ((await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images ?? []).length;
    const before = await count();
    const source = await register();
    await rejectsWithCode(client.send(new CopyImageCommand({ SourceImageId: source, SourceRegion: SOURCE, Name: `sharing-bad-${++counter}`, Encrypted: true, KmsKeyId: 'alias/nope' })),
      'InvalidParameterValue', /alias\/nope does not exist in eu-central-1/);
    await rejectsWithCode(client.send(new CopyImageCommand({ SourceImageId: source, SourceRegion: SOURCE, Name: `sharing-bad-${++counter}`, KmsKeyId: 'alias/aws/ebs' })),
      'InvalidParameterDependency');
    assert.equal(await count(), before);
  });
});
