// Deregistration protection and the Recycle Bin, as the sandbox adds them (moto/protection_patches.py,
// moto/recycle_bin_patches.py). Everything runs in us-west-1 and eu-north-1, which the seed leaves empty.
import assert from 'node:assert/strict';
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DisableImageDeregistrationProtectionCommand,
  EnableImageDeregistrationProtectionCommand,
  ListImagesInRecycleBinCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  RestoreImageFromRecycleBinCommand,
} from '@aws-sdk/client-ec2';
import { setFaults, clearFaults } from '../../sandbox/faults/client.mjs';
import { ec2, rejectsWithCode, sandbox, tagsOf } from './fixture.mjs';
import { createImageRule, rbin } from '../../sandbox/rbin.mjs';

const REGION = 'us-west-1';
const RULED = 'eu-north-1';
const OTHER = '210987654321';

describe('sandbox: retiring images safely', function () {
  this.timeout(60_000);
  /** @type {string} */
  let endpoint;
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let ours;
  let counter = 0;

  before(async () => {
    ({ manifest: { endpoint } } = await sandbox());
    ours = ec2(endpoint, REGION);
  });

  /**
   * Registers a fresh image with its own snapshot.
   * @param {import('@aws-sdk/client-ec2').EC2Client} client
   * @param {Record<string, string>} [tags]
   */
  async function register(client, tags) {
    const region = await client.config.region();
    const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 }));
    const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId }));
    const { ImageId } = await client.send(new RegisterImageCommand({
      Name: `retire-${++counter}`,
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 8 } }],
      ...(tags ? { TagSpecifications: [{ ResourceType: 'image', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }] } : {}),
    }));
    return { imageId: /** @type {string} */ (ImageId), snapshotId: /** @type {string} */ (SnapshotId) };
  }

  /** @param {import('@aws-sdk/client-ec2').EC2Client} client @param {string} imageId */
  const image = async (client, imageId) =>
    (await client.send(new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [imageId] }], IncludeDisabled: true }))).Images?.[0];

  describe('deregistration protection', () => {
    it('reports "disabled" until enabled, and refuses to deregister a protected image', async () => {
      const { imageId } = await register(ours);
      assert.equal((await image(ours, imageId))?.DeregistrationProtection, 'disabled');
      const enabled = await ours.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId }));
      assert.equal(enabled.Return, 'true');
      assert.equal((await image(ours, imageId))?.DeregistrationProtection, 'enabled-without-cooldown');
      await rejectsWithCode(ours.send(new DeregisterImageCommand({ ImageId: imageId })), 'OperationNotPermitted',
        /deregistration protection is enabled.*DisableImageDeregistrationProtection/);
      assert.ok(await image(ours, imageId), 'still registered');

      await ours.send(new DisableImageDeregistrationProtectionCommand({ ImageId: imageId }));
      assert.equal((await image(ours, imageId))?.DeregistrationProtection, 'disabled', 'without a cooldown, off at once');
      await ours.send(new DeregisterImageCommand({ ImageId: imageId }));
      assert.equal(await image(ours, imageId), undefined);
    });

    it('with the cooldown, disabling leaves it protected for 24 hours, reported as "disabled-until"', async () => {
      const { imageId } = await register(ours);
      await ours.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId, WithCooldown: true }));
      assert.equal((await image(ours, imageId))?.DeregistrationProtection, 'enabled-with-cooldown');
      const before = Date.now();
      await ours.send(new DisableImageDeregistrationProtectionCommand({ ImageId: imageId }));
      const value = (await image(ours, imageId))?.DeregistrationProtection ?? '';
      const match = /^disabled-until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)$/.exec(value);
      assert.ok(match, `"${value}" is disabled-until <time>`);
      const until = Date.parse(match[1]);
      assert.ok(Math.abs(until - (before + 86_400_000)) < 60_000, `${match[1]} is 24 hours from now`);
      await rejectsWithCode(ours.send(new DeregisterImageCommand({ ImageId: imageId })), 'OperationNotPermitted', /cooldown ends at/);
      assert.ok(await image(ours, imageId), 'still registered during the cooldown');

      await ours.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId }));
      assert.equal((await image(ours, imageId))?.DeregistrationProtection, 'enabled-without-cooldown', 'enabling again ends the cooldown');
    });

    it('only the owner may change it, and others see the value', async () => {
      const { imageId } = await register(ours);
      const theirs = ec2(endpoint, REGION, OTHER);
      await rejectsWithCode(theirs.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId })), 'InvalidAMIID.NotFound');
      const shared = await register(theirs);
      await theirs.send(new ModifyImageAttributeCommand({ ImageId: shared.imageId, LaunchPermission: { Add: [{ UserId: '123456789012' }] } }));
      await theirs.send(new EnableImageDeregistrationProtectionCommand({ ImageId: shared.imageId }));
      await rejectsWithCode(ours.send(new DisableImageDeregistrationProtectionCommand({ ImageId: shared.imageId })), 'AuthFailure');
      assert.equal((await image(ours, shared.imageId))?.DeregistrationProtection, 'enabled-without-cooldown');
      await rejectsWithCode(ours.send(new EnableImageDeregistrationProtectionCommand({ ImageId: 'ami-1' })), 'InvalidAMIID.Malformed');
    });
  });

  describe('Recycle Bin rules (rbin)', () => {
    it('creates, gets, lists (paged) and deletes rules per account and region', async () => {
      const region = 'ap-northeast-3';
      const first = await createImageRule(endpoint, { region, days: 7, description: 'keep a week' });
      const second = await createImageRule(endpoint, { region, days: 30, tags: { Team: 'platform' } });
      const got = await rbin(endpoint, { region }, 'GET', `/rules/${second}`);
      assert.equal(got.status, 200);
      assert.deepEqual(got.body.ResourceTags, [{ ResourceTagKey: 'Team', ResourceTagValue: 'platform' }]);
      assert.equal(got.body.Status, 'available');
      assert.match(got.body.RuleArn, new RegExp(`^arn:aws:rbin:${region}:123456789012:rule/${second}$`));

      const page1 = await rbin(endpoint, { region }, 'POST', '/list-rules', { ResourceType: 'EC2_IMAGE', MaxResults: 1 });
      assert.deepEqual(page1.body.Rules.map((/** @type {any} */ r) => r.Identifier), [first]);
      assert.deepEqual(page1.body.Rules[0].RetentionPeriod, { RetentionPeriodValue: 7, RetentionPeriodUnit: 'DAYS' });
      assert.equal(page1.body.Rules[0].Description, 'keep a week');
      const page2 = await rbin(endpoint, { region }, 'POST', '/list-rules', { ResourceType: 'EC2_IMAGE', MaxResults: 1, NextToken: page1.body.NextToken });
      assert.deepEqual(page2.body.Rules.map((/** @type {any} */ r) => r.Identifier), [second]);
      assert.equal(page2.body.NextToken, undefined);

      const snapshots = await rbin(endpoint, { region }, 'POST', '/list-rules', { ResourceType: 'EBS_SNAPSHOT' });
      assert.deepEqual(snapshots.body.Rules, []);
      const elsewhere = await rbin(endpoint, { region, account: OTHER }, 'POST', '/list-rules', { ResourceType: 'EC2_IMAGE' });
      assert.deepEqual(elsewhere.body.Rules, [], 'another account has its own rules');

      assert.equal((await rbin(endpoint, { region }, 'DELETE', `/rules/${first}`)).status, 204);
      assert.equal((await rbin(endpoint, { region }, 'DELETE', `/rules/${second}`)).status, 204);
      const gone = await rbin(endpoint, { region }, 'GET', `/rules/${first}`);
      assert.equal(gone.status, 404);
      assert.equal(gone.code, 'ResourceNotFoundException');
    });

    it('refuses bad input with ValidationException', async () => {
      const noType = await rbin(endpoint, {}, 'POST', '/list-rules', {});
      assert.equal(noType.status, 400);
      assert.equal(noType.code, 'ValidationException');
      assert.match(noType.body.message, /resourceType/);
      const badPeriod = await rbin(endpoint, {}, 'POST', '/rules', { ResourceType: 'EC2_IMAGE', RetentionPeriod: { RetentionPeriodValue: 0, RetentionPeriodUnit: 'DAYS' } });
      assert.equal(badPeriod.code, 'ValidationException');
    });

    it('the fault proxy denies rbin calls in the Recycle Bin\'s own JSON error shape', async () => {
      await setFaults(endpoint, [{ fault: 'AccessDenied', service: 'rbin', action: 'ListRules' }]);
      try {
        const denied = await rbin(endpoint, {}, 'POST', '/list-rules', { ResourceType: 'EC2_IMAGE' });
        assert.equal(denied.status, 403);
        assert.equal(denied.code, 'AccessDeniedException');
        assert.match(denied.body.message, /not authorized to perform: rbin:ListRules/);
      } finally {
        await clearFaults(endpoint);
      }
    });
  });

  describe('images in the Recycle Bin', () => {
    /** @type {import('@aws-sdk/client-ec2').EC2Client} */
    let ruled;
    /** @type {string} */
    let tagRule;
    before(async () => {
      ruled = ec2(endpoint, RULED);
      tagRule = await createImageRule(endpoint, { region: RULED, days: 7, tags: { Retention: 'keep' } });
    });

    it('without a matching rule, deregistering deletes for good', async () => {
      const { imageId } = await register(ruled, { Retention: 'none' });
      await ruled.send(new DeregisterImageCommand({ ImageId: imageId }));
      const { Images = [] } = await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: [imageId] }));
      assert.deepEqual(Images, []);
      await rejectsWithCode(ruled.send(new RestoreImageFromRecycleBinCommand({ ImageId: imageId })), 'InvalidAMIID.NotFound');
    });

    it('a tag rule keeps the image for its retention period; restore brings it back with its id, tags and snapshot', async () => {
      const { imageId, snapshotId } = await register(ruled, { Retention: 'keep', Project: 'Binned' });
      const before = Date.now();
      await ruled.send(new DeregisterImageCommand({ ImageId: imageId }));
      assert.equal(await image(ruled, imageId), undefined, 'gone from DescribeImages');
      const { Images = [] } = await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: [imageId] }));
      assert.equal(Images.length, 1);
      const [binned] = Images;
      assert.equal(binned.ImageId, imageId);
      assert.match(binned.Name ?? '', /^retire-\d+$/);
      const entered = binned.RecycleBinEnterTime?.getTime() ?? 0;
      assert.ok(Math.abs(entered - before) < 60_000, 'entered now');
      assert.equal((binned.RecycleBinExitTime?.getTime() ?? 0) - entered, 7 * 86_400_000, 'kept 7 days');

      const restored = await ruled.send(new RestoreImageFromRecycleBinCommand({ ImageId: imageId }));
      assert.equal(restored.Return, true);
      const back = await image(ruled, imageId);
      assert.equal(back?.State, 'available');
      assert.equal(back?.BlockDeviceMappings?.[0]?.Ebs?.SnapshotId, snapshotId);
      assert.deepEqual(tagsOf(back ?? {}), { Retention: 'keep', Project: 'Binned' });
      assert.deepEqual((await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: [imageId] }))).Images, []);
    });

    it('a region-level rule keeps every image; the longest matching retention wins', async () => {
      const regionRule = await createImageRule(endpoint, { region: RULED, days: 3 });
      try {
        const untagged = await register(ruled);
        const tagged = await register(ruled, { Retention: 'keep' });
        await ruled.send(new DeregisterImageCommand({ ImageId: untagged.imageId }));
        await ruled.send(new DeregisterImageCommand({ ImageId: tagged.imageId }));
        const { Images = [] } = await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: [untagged.imageId, tagged.imageId] }));
        const days = Object.fromEntries(Images.map((i) => [i.ImageId, ((i.RecycleBinExitTime?.getTime() ?? 0) - (i.RecycleBinEnterTime?.getTime() ?? 0)) / 86_400_000]));
        assert.deepEqual(days, { [untagged.imageId]: 3, [tagged.imageId]: 7 });
      } finally {
        await rbin(endpoint, { region: RULED }, 'DELETE', `/rules/${regionRule}`);
      }
    });

    it('lists a page at a time and refuses more than 20 ids or a bad MaxResults', async () => {
      const ids = [];
      for (let i = 0; i < 3; i++) {
        const { imageId } = await register(ruled, { Retention: 'keep' });
        await ruled.send(new DeregisterImageCommand({ ImageId: imageId }));
        ids.push(imageId);
      }
      const first = await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: ids, MaxResults: 2 }));
      assert.equal(first.Images?.length, 2);
      assert.ok(first.NextToken);
      const second = await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: ids, MaxResults: 2, NextToken: first.NextToken }));
      assert.deepEqual([...(first.Images ?? []), ...(second.Images ?? [])].map((i) => i.ImageId).sort(), [...ids].sort());
      assert.equal(second.NextToken, undefined);
      const many = Array.from({ length: 21 }, (_, i) => `ami-${String(i).padStart(8, '0')}`);
      await rejectsWithCode(ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: many })), 'InvalidParameterValue', /up to 20/);
      await rejectsWithCode(ruled.send(new ListImagesInRecycleBinCommand({ MaxResults: 0 })), 'InvalidParameterValue');
    });

    it('restoring needs the image\'s snapshots', async () => {
      const { imageId, snapshotId } = await register(ruled, { Retention: 'keep' });
      await ruled.send(new DeregisterImageCommand({ ImageId: imageId }));
      await ruled.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
      await rejectsWithCode(ruled.send(new RestoreImageFromRecycleBinCommand({ ImageId: imageId })), 'InvalidSnapshot.NotFound', new RegExp(snapshotId));
      assert.equal((await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: [imageId] }))).Images?.length, 1, 'still in the bin');
    });

    it('a protected image is refused before it reaches the bin', async () => {
      const { imageId } = await register(ruled, { Retention: 'keep' });
      await ruled.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId }));
      await rejectsWithCode(ruled.send(new DeregisterImageCommand({ ImageId: imageId })), 'OperationNotPermitted');
      assert.deepEqual((await ruled.send(new ListImagesInRecycleBinCommand({ ImageIds: [imageId] }))).Images, []);
      assert.ok(await image(ruled, imageId));
    });

    it('the bin is per account', async () => {
      const theirs = ec2(endpoint, RULED, OTHER);
      assert.deepEqual((await theirs.send(new ListImagesInRecycleBinCommand({}))).Images, []);
      assert.ok(tagRule);
    });
  });
});
