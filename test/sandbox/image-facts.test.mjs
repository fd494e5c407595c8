// What the sandbox adds about an image: last launched, Allowed AMIs, free tier, and where an image came from.
// Allowed AMIs change in ca-central-1 and launches happen in us-west-2, which the seed leaves empty.
import assert from 'node:assert/strict';
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DisableAllowedImagesSettingsCommand,
  EnableAllowedImagesSettingsCommand,
  GetAllowedImagesSettingsCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  ReplaceImageCriteriaInAllowedImagesSettingsCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { ec2, rejectsWithCode, sandbox } from './fixture.mjs';

const OTHER = '210987654321';
const VENDOR = '333344445555';

describe('sandbox image facts', function () {
  this.timeout(60_000);
  /** @type {string} */
  let endpoint;
  let counter = 0;

  before(async () => {
    ({ manifest: { endpoint } } = await sandbox());
  });

  /**
   * Registers an image with its own snapshot.
   * @param {import('@aws-sdk/client-ec2').EC2Client} client
   * @param {string} region
   * @param {Partial<import('@aws-sdk/client-ec2').RegisterImageCommandInput>} [input]
   */
  async function register(client, region, input = {}) {
    const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 }));
    const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId }));
    const { ImageId } = await client.send(new RegisterImageCommand({
      Name: `facts-${++counter}-${Date.now()}`,
      Architecture: 'x86_64',
      RootDeviceName: '/dev/xvda',
      VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 8, VolumeType: 'gp3' } }],
      ...input,
    }));
    return /** @type {string} */ (ImageId);
  }

  /**
   * @param {import('@aws-sdk/client-ec2').EC2Client} client
   * @param {string} imageId
   */
  const one = async (client, imageId) => (await client.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];

  describe('last launched', () => {
    it('is empty until the image launches, then DescribeImageAttribute and DescribeImages report it to the owner only', async () => {
      const ours = ec2(endpoint, 'us-west-2');
      const other = ec2(endpoint, 'us-west-2', OTHER);
      const imageId = await register(ours, 'us-west-2');
      await ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: OTHER }] } }));
      const before = await ours.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'lastLaunchedTime' }));
      assert.equal(before.LastLaunchedTime?.Value, undefined, 'never launched');
      assert.equal((await one(ours, imageId))?.LastLaunchedTime, undefined);

      const started = Date.now();
      // Another account's launch counts too: EC2 records every launch of the image.
      await other.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
      const after = await ours.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'lastLaunchedTime' }));
      const at = Date.parse(after.LastLaunchedTime?.Value ?? '');
      assert.ok(at >= started - 1000 && at <= Date.now() + 1000, `launched just now: ${after.LastLaunchedTime?.Value}`);
      assert.match(after.LastLaunchedTime?.Value ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.equal((await one(ours, imageId))?.LastLaunchedTime, after.LastLaunchedTime?.Value);
      assert.equal((await one(other, imageId))?.LastLaunchedTime, undefined, 'not shown to other accounts');
      await rejectsWithCode(other.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'lastLaunchedTime' })), 'AuthFailure');
      await rejectsWithCode(ours.send(new DescribeImageAttributeCommand({ ImageId: 'ami-0123456789abcdef0', Attribute: 'lastLaunchedTime' })), 'InvalidAMIID.NotFound');
    });
  });

  describe('Allowed AMIs', () => {
    const region = 'ca-central-1';
    /** @type {import('@aws-sdk/client-ec2').EC2Client} */
    let ours;
    /** @type {string} */
    let mine;
    /** @type {string} */
    let vendors;
    /** @type {string} */
    let others;

    before(async () => {
      ours = ec2(endpoint, region);
      mine = await register(ours, region);
      for (const [account, set] of /** @type {const} */ ([[VENDOR, (/** @type {string} */ id) => { vendors = id; }], [OTHER, (/** @type {string} */ id) => { others = id; }]])) {
        const client = ec2(endpoint, region, account);
        const id = await register(client, region, { Name: `facts-public-${account}-${Date.now()}` });
        await client.send(new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: [{ Group: 'all' }] } }));
        set(id);
      }
    });
    after(async () => {
      await ours.send(new DisableAllowedImagesSettingsCommand({}));
      await ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [] }));
    });

    it('start disabled, with no criteria and no ImageAllowed on images', async () => {
      const settings = await ours.send(new GetAllowedImagesSettingsCommand({}));
      assert.equal(settings.State, 'disabled');
      assert.deepEqual(settings.ImageCriteria ?? [], []);
      assert.equal(settings.ManagedBy, 'account');
      assert.equal((await one(ours, vendors))?.ImageAllowed, undefined);
    });

    it('audit mode reports ImageAllowed by the criteria, own images always allowed, and hides nothing', async () => {
      await ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: [VENDOR, 'amazon'] }] }));
      assert.equal((await ours.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'audit-mode' }))).AllowedImagesSettingsState, 'audit-mode');
      const settings = await ours.send(new GetAllowedImagesSettingsCommand({}));
      assert.equal(settings.State, 'audit-mode');
      assert.deepEqual(settings.ImageCriteria, [{ ImageProviders: [VENDOR, 'amazon'] }]);
      assert.equal((await one(ours, vendors))?.ImageAllowed, true);
      assert.equal((await one(ours, others))?.ImageAllowed, false);
      assert.equal((await one(ours, mine))?.ImageAllowed, true);
      const notAllowed = await ours.send(new DescribeImagesCommand({ Filters: [{ Name: 'image-allowed', Values: ['false'] }] }));
      assert.deepEqual(notAllowed.Images?.map((i) => i.ImageId), [others]);
    });

    it('enabled: images that do not meet the criteria cannot be discovered', async () => {
      await ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: [VENDOR] }] }));
      await ours.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'enabled' }));
      const visible = (await ours.send(new DescribeImagesCommand({}))).Images?.map((i) => i.ImageId) ?? [];
      assert.ok(visible.includes(vendors) && visible.includes(mine), 'allowed and own images are listed');
      assert.ok(!visible.includes(others), 'a not-allowed image is not');
      assert.equal((await one(ours, vendors))?.ImageAllowed, true);
      // Another account's own settings are its own.
      assert.equal((await one(ec2(endpoint, region, OTHER), others))?.ImageAllowed, undefined);
    });

    it('a criterion holds when all its parts do: provider and name pattern', async () => {
      await ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: [OTHER], ImageNames: ['nothing-like-it-*'] }] }));
      await ours.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'audit-mode' }));
      assert.equal((await one(ours, others))?.ImageAllowed, false);
      await ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: [OTHER], ImageNames: ['facts-public-*'] }] }));
      assert.equal((await one(ours, others))?.ImageAllowed, true);
    });

    it('disabling keeps the criteria and stops reporting', async () => {
      assert.equal((await ours.send(new DisableAllowedImagesSettingsCommand({}))).AllowedImagesSettingsState, 'disabled');
      const settings = await ours.send(new GetAllowedImagesSettingsCommand({}));
      assert.equal(settings.State, 'disabled');
      assert.equal(settings.ImageCriteria?.length, 1);
      assert.equal((await one(ours, others))?.ImageAllowed, undefined);
    });

    it('refuses a bad state and a bad provider, changing nothing', async () => {
      await rejectsWithCode(ours.send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: /** @type {any} */ ('disabled') })), 'InvalidParameterValue');
      await rejectsWithCode(ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: ['someone'] }] })), 'InvalidParameterValue', /someone/);
      await rejectsWithCode(
        ours.send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: Array.from({ length: 11 }, () => ({ ImageProviders: ['amazon'] })) })),
        'InvalidParameterValue',
      );
      const settings = await ours.send(new GetAllowedImagesSettingsCommand({}));
      assert.equal(settings.State, 'disabled');
      assert.deepEqual(settings.ImageCriteria, [{ ImageProviders: [OTHER], ImageNames: ['facts-public-*'] }]);
    });
  });

  describe('where an image came from', () => {
    it('CreateImage names the instance and keeps its boot mode; CopyImage names the source image and region', async () => {
      const ours = ec2(endpoint, 'us-west-2');
      const base = await register(ours, 'us-west-2', { BootMode: 'uefi-preferred', ImdsSupport: 'v2.0' });
      const run = await ours.send(new RunInstancesCommand({ ImageId: base, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
      const instanceId = run.Instances?.[0].InstanceId;
      const { ImageId: baked } = await ours.send(new CreateImageCommand({ InstanceId: instanceId, Name: `facts-baked-${Date.now()}` }));
      const made = await one(ours, /** @type {string} */ (baked));
      assert.equal(made?.SourceInstanceId, instanceId);
      assert.equal(made?.BootMode, 'uefi-preferred');

      const target = ec2(endpoint, 'eu-central-1');
      const { ImageId: copyId } = await target.send(new CopyImageCommand({ SourceImageId: baked, SourceRegion: 'us-west-2', Name: `facts-copy-${Date.now()}` }));
      const copy = await one(target, /** @type {string} */ (copyId));
      assert.equal(copy?.SourceImageId, baked);
      assert.equal(copy?.SourceImageRegion, 'us-west-2');
      assert.equal(copy?.BootMode, 'uefi-preferred');
      assert.equal(copy?.SourceInstanceId, undefined, 'a copy was not made from an instance');
    });

    it('FreeTierEligible for Linux and Windows images without marketplace codes', async () => {
      const ours = ec2(endpoint, 'us-west-2');
      const linux = await one(ours, await register(ours, 'us-west-2'));
      assert.equal(linux?.FreeTierEligible, true);
      const freeTier = await ours.send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'free-tier-eligible', Values: ['false'] }] }));
      assert.deepEqual(freeTier.Images ?? [], []);
    });
  });
});
