// The image calls the sandbox adds or fixes. Everything that changes state runs in us-west-2, which the seed
// leaves empty, so the seeded regions stay as the manifest says.
import assert from 'node:assert/strict';
import {
  CopyImageCommand,
  CreateImageCommand,
  CreateLaunchTemplateCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImageReferencesCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DisableImageBlockPublicAccessCommand,
  DisableImageCommand,
  DisableImageDeprecationCommand,
  EnableImageBlockPublicAccessCommand,
  EnableImageCommand,
  EnableImageDeprecationCommand,
  GetImageBlockPublicAccessStateCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { ACCOUNTS } from '../../sandbox/seed.mjs';
import { ec2, rejectsWithCode, sandbox, tagsOf } from './fixture.mjs';

const REGION = 'us-west-2';
const OTHER = '210987654321';

describe('sandbox image lifecycle', function () {
  this.timeout(60_000);
  /** @type {Awaited<ReturnType<typeof sandbox>>['manifest']} */
  let manifest;
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let ours;
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let other;
  let counter = 0;

  before(async () => {
    ({ manifest } = await sandbox());
    ours = ec2(manifest.endpoint, REGION);
    other = ec2(manifest.endpoint, REGION, OTHER);
  });

  /**
   * Registers a fresh image with its own snapshot.
   * @param {import('@aws-sdk/client-ec2').EC2Client} client
   * @param {Partial<import('@aws-sdk/client-ec2').RegisterImageCommandInput>} [input]
   */
  async function register(client, input = {}) {
    const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8 }));
    const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId }));
    const { ImageId } = await client.send(
      new RegisterImageCommand({
        Name: `lifecycle-${++counter}`,
        Architecture: 'x86_64',
        RootDeviceName: '/dev/xvda',
        VirtualizationType: 'hvm',
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 8, VolumeType: 'gp3' } }],
        ...input,
      }),
    );
    return { imageId: /** @type {string} */ (ImageId), snapshotId: /** @type {string} */ (SnapshotId) };
  }

  /**
   * @param {import('@aws-sdk/client-ec2').EC2Client} client
   * @param {import('@aws-sdk/client-ec2').DescribeImagesCommandInput} input
   */
  const images = async (client, input) => (await client.send(new DescribeImagesCommand(input))).Images ?? [];

  describe('deprecation', () => {
    it('round-trips DeprecationTime, rounded to the minute like EC2', async () => {
      const { imageId } = await register(ours);
      await ours.send(new EnableImageDeprecationCommand({ ImageId: imageId, DeprecateAt: new Date('2027-05-01T10:20:40Z') }));
      assert.equal((await images(ours, { ImageIds: [imageId] }))[0].DeprecationTime, '2027-05-01T10:21:00.000Z');
      await ours.send(new DisableImageDeprecationCommand({ ImageId: imageId }));
      assert.equal((await images(ours, { ImageIds: [imageId] }))[0].DeprecationTime, undefined);
    });

    it('a past deprecation hides a public image from other accounts only', async () => {
      const { imageId } = await register(other, { Name: 'other-public-deprecated' });
      await other.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ Group: 'all' }] } }));
      assert.ok((await images(ours, { Owners: [OTHER] })).some((i) => i.ImageId === imageId));
      await other.send(new EnableImageDeprecationCommand({ ImageId: imageId, DeprecateAt: new Date('2026-01-01T00:00:00Z') }));
      assert.deepEqual(await images(ours, { Owners: [OTHER] }), []);
      assert.equal((await images(ours, { Owners: [OTHER], IncludeDeprecated: true })).length, 1);
      assert.equal((await images(ours, { ImageIds: [imageId] })).length, 1);
      assert.equal((await images(other, { Owners: ['self'] })).filter((i) => i.ImageId === imageId).length, 1, 'owners always see it');
      await other.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Remove: [{ Group: 'all' }] } }));
    });

    it('only the owner may deprecate or read launch permissions', async () => {
      const client = ec2(manifest.endpoint, 'us-east-1');
      await rejectsWithCode(
        client.send(new EnableImageDeprecationCommand({ ImageId: manifest.images.sharedWithMe, DeprecateAt: new Date('2027-01-01T00:00:00Z') })),
        'AuthFailure',
      );
      await rejectsWithCode(
        client.send(new EnableImageDeprecationCommand({ ImageId: 'ami-0123456789abcdef0', DeprecateAt: new Date('2027-01-01T00:00:00Z') })),
        'InvalidAMIID.NotFound',
      );
      await rejectsWithCode(
        client.send(new DescribeImageAttributeCommand({ ImageId: 'ami-0123456789abcdef0', Attribute: 'launchPermission' })),
        'InvalidAMIID.NotFound',
      );
      await rejectsWithCode(
        client.send(new DescribeImageAttributeCommand({ ImageId: manifest.images.sharedWithMe, Attribute: 'launchPermission' })),
        'AuthFailure',
      );
    });
  });

  describe('disable / enable', () => {
    it('DisableImage hides the image unless IncludeDisabled, makes it private, and EnableImage brings it back', async () => {
      const { imageId } = await register(ours);
      await ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: OTHER }, { Group: 'all' }] } }));
      assert.equal((await images(other, { ImageIds: [imageId] })).length, 1);

      await ours.send(new DisableImageCommand({ ImageId: imageId }));
      assert.ok(!(await images(ours, { Owners: ['self'] })).some((i) => i.ImageId === imageId));
      const [disabled] = await images(ours, { Owners: ['self'], IncludeDisabled: true, Filters: [{ Name: 'image-id', Values: [imageId] }] });
      assert.equal(disabled.State, 'disabled');
      assert.equal(disabled.Public, false);
      const { LaunchPermissions } = await ours.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }));
      assert.deepEqual(LaunchPermissions, []);
      await rejectsWithCode(other.send(new DescribeImagesCommand({ ImageIds: [imageId], IncludeDisabled: true })), 'InvalidAMIID.NotFound');

      await ours.send(new EnableImageCommand({ ImageId: imageId }));
      const [enabled] = await images(ours, { ImageIds: [imageId] });
      assert.equal(enabled.State, 'available');
      assert.equal(enabled.Public, false, 'EC2 does not restore launch permissions');
    });
  });

  describe('block public access', () => {
    it('refuses a public share while enabled and allows it once disabled', async () => {
      const { imageId } = await register(ours);
      const state = async () => (await ours.send(new GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState;
      assert.equal(await state(), 'unblocked');

      const enabled = await ours.send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }));
      assert.equal(enabled.ImageBlockPublicAccessState, 'block-new-sharing');
      assert.equal(await state(), 'block-new-sharing');
      await rejectsWithCode(
        ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ Group: 'all' }] } })),
        'OperationNotPermitted',
        /block public access for AMIs is enabled/,
      );
      await ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: OTHER }] } }));
      assert.equal((await images(ours, { ImageIds: [imageId] }))[0].Public, false);

      await ours.send(new DisableImageBlockPublicAccessCommand({}));
      assert.equal(await state(), 'unblocked');
      await ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ Group: 'all' }] } }));
      assert.equal((await images(ours, { ImageIds: [imageId] }))[0].Public, true);
      await ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Remove: [{ Group: 'all' }] } }));
    });

    it('is per region: the seed blocks ap-southeast-2 only', async () => {
      for (const [region, expected] of [['us-east-1', 'unblocked'], ['ap-southeast-2', 'block-new-sharing']]) {
        const { ImageBlockPublicAccessState } = await ec2(manifest.endpoint, region).send(new GetImageBlockPublicAccessStateCommand({}));
        assert.equal(ImageBlockPublicAccessState, expected, region);
        assert.equal(manifest.regions[region].blockPublicAccess, expected);
      }
    });
  });

  describe('image references', () => {
    it('finds the instances using an image, stopped ones included', async () => {
      const client = ec2(manifest.endpoint, 'us-east-1');
      const { ImageReferences = [] } = await client.send(
        new DescribeImageReferencesCommand({ ImageIds: [manifest.images.petTrackerLatest, manifest.images.deprecated], IncludeAllResourceTypes: true }),
      );
      const arns = ImageReferences.map((r) => `${r.ImageId} ${r.ResourceType} ${r.Arn}`).sort();
      const arn = (/** @type {string} */ id) => `arn:aws:ec2:us-east-1:${ACCOUNTS.ours}:instance/${id}`;
      assert.deepEqual(arns, [
        `${manifest.images.deprecated} ec2:Instance ${arn(manifest.instances.billingLegacy)}`,
        `${manifest.images.petTrackerLatest} ec2:Instance ${arn(manifest.instances.petTrackerApi)}`,
      ].sort());
    });

    it('honours the state-name option and finds launch templates', async () => {
      const client = ec2(manifest.endpoint, 'us-east-1');
      const running = await client.send(
        new DescribeImageReferencesCommand({
          ImageIds: [manifest.images.deprecated],
          ResourceTypes: [{ ResourceType: 'ec2:Instance', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['running'] }] }],
        }),
      );
      assert.deepEqual(running.ImageReferences, []);

      const { imageId } = await register(ours);
      const { LaunchTemplate } = await ours.send(
        new CreateLaunchTemplateCommand({ LaunchTemplateName: 'lifecycle-template', LaunchTemplateData: { ImageId: imageId, InstanceType: 't3.micro' } }),
      );
      const { ImageReferences = [] } = await ours.send(new DescribeImageReferencesCommand({ ImageIds: [imageId], IncludeAllResourceTypes: true }));
      assert.deepEqual(ImageReferences, [
        { ImageId: imageId, ResourceType: 'ec2:LaunchTemplate', Arn: `arn:aws:ec2:${REGION}:${ACCOUNTS.ours}:launch-template/${LaunchTemplate?.LaunchTemplateId}` },
      ]);
    });
  });

  describe('creating images', () => {
    it('refuses a duplicate name, as EC2 does per account and region', async () => {
      await register(ours, { Name: 'lifecycle-unique-name' });
      await rejectsWithCode(register(ours, { Name: 'lifecycle-unique-name' }), 'InvalidAMIName.Duplicate', /lifecycle-unique-name/);
      await register(other, { Name: 'lifecycle-unique-name' });
    });

    it('frees a name when its image is deregistered, and keeps names unique under concurrent registrations', async () => {
      const { imageId } = await register(ours, { Name: 'lifecycle-reused-name' });
      await ours.send(new DeregisterImageCommand({ ImageId: imageId }));
      const again = await register(ours, { Name: 'lifecycle-reused-name' });
      assert.notEqual(again.imageId, imageId);
      await rejectsWithCode(register(ours, { Name: 'lifecycle-reused-name' }), 'InvalidAMIName.Duplicate', new RegExp(again.imageId));
      const names = Array.from({ length: 24 }, (_, i) => `lifecycle-burst-${i}`);
      const burst = await Promise.all(names.map((Name) => ours.send(new RegisterImageCommand({ Name, RootDeviceName: '/dev/xvda' }))));
      assert.equal(new Set(burst.map((r) => r.ImageId)).size, names.length);
      await rejectsWithCode(register(ours, { Name: names[7] }), 'InvalidAMIName.Duplicate', new RegExp(names[7]));
    });

    it('RegisterImage keeps architecture, block devices and tags; BillingProducts makes it Windows', async () => {
      const { imageId, snapshotId } = await register(ours, {
        Architecture: 'arm64',
        BillingProducts: ['bp-6ba54002'],
        TagSpecifications: [
          { ResourceType: 'image', Tags: [{ Key: 'Project', Value: 'Lifecycle' }] },
          { ResourceType: 'snapshot', Tags: [{ Key: 'Project', Value: 'Lifecycle' }] },
        ],
      });
      const [image] = await images(ours, { ImageIds: [imageId] });
      assert.equal(image.Architecture, 'arm64');
      assert.equal(image.Platform, 'windows');
      assert.equal(image.PlatformDetails, 'Windows');
      assert.deepEqual(image.BlockDeviceMappings, [
        { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, SnapshotId: snapshotId, VolumeSize: 8, VolumeType: 'gp3', Encrypted: false } },
      ]);
      assert.deepEqual(tagsOf(image), { Project: 'Lifecycle' });
      const { Snapshots = [] } = await ours.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }));
      assert.equal(tagsOf(Snapshots[0]).Project, 'Lifecycle');
    });

    it('a snapshot stays in use until its image is deregistered', async () => {
      const { imageId, snapshotId } = await register(ours);
      await rejectsWithCode(ours.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId })), 'InvalidSnapshot.InUse', new RegExp(imageId));
      await ours.send(new DeregisterImageCommand({ ImageId: imageId }));
      await ours.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
      assert.deepEqual(await images(ours, { ImageIds: [imageId] }), [], 'a just-deregistered id returns nothing, not an error');
    });

    it('CreateImage tags the image and its snapshot; CopyImage copies tags on request and records the source', async () => {
      const { imageId } = await register(ours);
      const { Instances = [] } = await ours.send(new RunInstancesCommand({ ImageId: imageId, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }));
      const tags = [{ Key: 'Project', Value: 'Baked' }];
      const { ImageId: baked } = await ours.send(
        new CreateImageCommand({
          InstanceId: Instances[0].InstanceId,
          Name: 'lifecycle-baked',
          TagSpecifications: [
            { ResourceType: 'image', Tags: tags },
            { ResourceType: 'snapshot', Tags: tags },
          ],
        }),
      );
      const [image] = await images(ours, { ImageIds: [/** @type {string} */ (baked)] });
      assert.equal(image.SourceInstanceId, Instances[0].InstanceId);
      assert.deepEqual(tagsOf(image), { Project: 'Baked' });
      const snapshotId = image.BlockDeviceMappings?.[0].Ebs?.SnapshotId;
      const { Snapshots = [] } = await ours.send(new DescribeSnapshotsCommand({ SnapshotIds: [/** @type {string} */ (snapshotId)] }));
      assert.equal(tagsOf(Snapshots[0]).Project, 'Baked');

      const { ImageId: copied } = await ours.send(new CopyImageCommand({ SourceImageId: baked, SourceRegion: REGION, Name: 'lifecycle-copied', CopyImageTags: true }));
      const [copy] = await images(ours, { ImageIds: [/** @type {string} */ (copied)] });
      assert.equal(copy.SourceImageId, baked);
      assert.equal(copy.SourceImageRegion, REGION);
      assert.deepEqual(tagsOf(copy), { Project: 'Baked' });
      assert.notEqual(copy.BlockDeviceMappings?.[0].Ebs?.SnapshotId, snapshotId, 'a copy gets its own snapshot');
      await ours.send(new DeregisterImageCommand({ ImageId: copied }));
    });

    it('RunInstances needs an image the account can see', async () => {
      await rejectsWithCode(
        ours.send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' })),
        'InvalidAMIID.NotFound',
      );
    });

    it('tags on a shared image belong to the account that set them', async () => {
      const { imageId } = await register(other, { TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'Owner', Value: 'them' }] }] });
      await other.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: ACCOUNTS.ours }] } }));
      await ours.send(new CreateTagsCommand({ Resources: [imageId], Tags: [{ Key: 'Mine', Value: 'us' }] }));
      assert.deepEqual(tagsOf((await images(ours, { ImageIds: [imageId] }))[0]), { Mine: 'us' });
      assert.deepEqual(tagsOf((await images(other, { ImageIds: [imageId] }))[0]), { Owner: 'them' });
      assert.equal((await images(ours, { Filters: [{ Name: 'tag:Mine', Values: ['us'] }] })).length, 1);
    });
  });
});
