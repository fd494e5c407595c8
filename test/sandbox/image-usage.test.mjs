// Who uses an image, as the sandbox answers it (sandbox/moto/usage_patches.py): DescribeImageReferences across
// instances, launch templates and SSM parameters, ten images a call; and the AMI usage reports, which count what
// other accounts run from an image we own. Everything these tests create lives in eu-north-1, which the seed leaves
// empty, apart from the seeded reports on pettracker-ml-v1.2 in us-east-1.
import assert from 'node:assert/strict';
import {
  CreateImageUsageReportCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteImageUsageReportCommand,
  DeregisterImageCommand,
  DescribeImageReferencesCommand,
  DescribeImageUsageReportEntriesCommand,
  DescribeImageUsageReportsCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
  paginateDescribeImageReferences,
} from '@aws-sdk/client-ec2';
import { ACCOUNTS } from '../../sandbox/seed.mjs';
import { putImageParameter } from '../../sandbox/ssm.mjs';
import { ec2, rejectsWithCode, sandbox } from './fixture.mjs';

const REGION = 'eu-north-1';
const OTHER = '210987654321';
const THIRD = '310987654321';

describe('sandbox image usage', function () {
  this.timeout(60_000);
  /** @type {Awaited<ReturnType<typeof sandbox>>['manifest']} */
  let manifest;
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let ours;
  let counter = 0;

  before(async () => {
    ({ manifest } = await sandbox());
    ours = ec2(manifest.endpoint, REGION);
  });

  /** A fresh image of `client`'s account with its own snapshot. @param {import('@aws-sdk/client-ec2').EC2Client} client */
  async function register(client = ours) {
    const { VolumeId } = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 8 }));
    const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId }));
    const { ImageId } = await client.send(new RegisterImageCommand({
      Name: `usage-${Date.now()}-${++counter}`, Architecture: 'x86_64', RootDeviceName: '/dev/xvda', VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 8 } }],
    }));
    return /** @type {string} */ (ImageId);
  }

  /** @param {import('@aws-sdk/client-ec2').EC2Client} client @param {string} imageId */
  async function run(client, imageId, count = 1) {
    const { Instances = [] } = await client.send(new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: count, MaxCount: count }));
    return Instances.map((i) => /** @type {string} */ (i.InstanceId));
  }

  /** @param {import('@aws-sdk/client-ec2').DescribeImageReferencesCommandInput} input */
  async function references(input, client = ours) {
    const found = [];
    for await (const page of paginateDescribeImageReferences({ client, pageSize: 5 }, input)) {
      found.push(...(page.ImageReferences ?? []).map((r) => `${r.ImageId} ${r.ResourceType} ${r.Arn}`));
    }
    return found.sort();
  }

  const arn = (/** @type {string} */ kind, /** @type {string} */ id, account = ACCOUNTS.ours) => `arn:aws:ec2:${REGION}:${account}:${kind}/${id}`;

  describe('DescribeImageReferences', () => {
    it('finds instances (every state by default, terminated too), launch templates and aws:ec2:image parameters', async () => {
      const imageId = await register();
      const [running, stopped] = await run(ours, imageId, 2);
      const [terminated] = await run(ours, imageId);
      await ours.send(new TerminateInstancesCommand({ InstanceIds: [terminated] }));
      const { LaunchTemplate } = await ours.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: `usage-lt-${counter}`, LaunchTemplateData: { ImageId: imageId } }));
      await putImageParameter(manifest.endpoint, { region: REGION, name: `/golden/usage-${counter}`, imageId });
      // A parameter of another data type, or of another account, is not a reference of ours.
      await putImageParameter(manifest.endpoint, { region: REGION, name: `/elsewhere/usage-${counter}`, imageId, account: OTHER });

      const all = await references({ ImageIds: [imageId], IncludeAllResourceTypes: true });
      assert.deepEqual(all, [
        `${imageId} ec2:Instance ${arn('instance', running)}`,
        `${imageId} ec2:Instance ${arn('instance', stopped)}`,
        `${imageId} ec2:Instance ${arn('instance', terminated)}`,
        `${imageId} ec2:LaunchTemplate ${arn('launch-template', LaunchTemplate?.LaunchTemplateId ?? '')}`,
        `${imageId} ssm:Parameter arn:aws:ssm:${REGION}:${ACCOUNTS.ours}:parameter/golden/usage-${counter}`,
      ].sort());

      const live = await references({
        ImageIds: [imageId],
        ResourceTypes: [
          { ResourceType: 'ec2:Instance', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['pending', 'running', 'stopping', 'stopped'] }] },
          { ResourceType: 'ssm:Parameter' },
          { ResourceType: 'imagebuilder:ImageRecipe' },
          { ResourceType: 'imagebuilder:ContainerRecipe' },
        ],
      });
      assert.equal(live.length, 3, 'two live instances and the parameter; no launch template when not asked');
      assert.ok(!live.some((r) => r.includes(terminated)));
    });

    it('checks only the newest version-depth versions of a launch template (10 by default)', async () => {
      const imageId = await register();
      const { LaunchTemplate } = await ours.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: `usage-depth-${counter}`, LaunchTemplateData: { ImageId: imageId } }));
      const other = await register();
      for (let v = 0; v < 10; v++) {
        await ours.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: LaunchTemplate?.LaunchTemplateId, LaunchTemplateData: { ImageId: other } }));
      }
      assert.deepEqual(await references({ ImageIds: [imageId], IncludeAllResourceTypes: true }), [], 'version 1 is 11th newest');
      const deep = await references({ ImageIds: [imageId], ResourceTypes: [{ ResourceType: 'ec2:LaunchTemplate', ResourceTypeOptions: [{ OptionName: 'version-depth', OptionValues: ['11'] }] }] });
      assert.equal(deep.length, 1);
    });

    it('takes at most 10 images a call, and pages', async () => {
      const ids = [];
      for (let i = 0; i < 11; i++) ids.push(await register());
      for (const id of ids) await run(ours, id);
      await rejectsWithCode(
        ours.send(new DescribeImageReferencesCommand({ ImageIds: ids, IncludeAllResourceTypes: true })),
        'InvalidParameterValue', /exceeds the maximum of 10/,
      );
      const first = await ours.send(new DescribeImageReferencesCommand({ ImageIds: ids.slice(0, 10), IncludeAllResourceTypes: true, MaxResults: 5 }));
      assert.equal(first.ImageReferences?.length, 5);
      assert.ok(first.NextToken);
      assert.equal((await references({ ImageIds: ids.slice(0, 10), IncludeAllResourceTypes: true })).length, 10);
    });

    it('refuses what EC2 refuses', async () => {
      const imageId = await register();
      await rejectsWithCode(ours.send(new DescribeImageReferencesCommand({ ImageIds: [imageId] })), 'InvalidParameterCombination');
      await rejectsWithCode(ours.send(new DescribeImageReferencesCommand({ ImageIds: [], IncludeAllResourceTypes: true })), 'MissingParameter');
      await rejectsWithCode(ours.send(new DescribeImageReferencesCommand({ ImageIds: ['ami-nope'], IncludeAllResourceTypes: true })), 'InvalidAMIID.Malformed');
      await rejectsWithCode(
        ours.send(new DescribeImageReferencesCommand({ ImageIds: [imageId], ResourceTypes: [{ ResourceType: /** @type {any} */ ('ec2:Volume') }] })),
        'InvalidParameterValue', /resource type 'ec2:Volume'/,
      );
      await rejectsWithCode(
        ours.send(new DescribeImageReferencesCommand({ ImageIds: [imageId], ResourceTypes: [{ ResourceType: 'ssm:Parameter', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['running'] }] }] })),
        'InvalidParameterValue', /option 'state-name'/,
      );
      await rejectsWithCode(
        ours.send(new DescribeImageReferencesCommand({ ImageIds: [imageId], ResourceTypes: [{ ResourceType: 'ec2:Instance', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['asleep'] }] }] })),
        'InvalidParameterValue', /asleep/,
      );
      await rejectsWithCode(
        ours.send(new DescribeImageReferencesCommand({ ImageIds: [imageId], ResourceTypes: [{ ResourceType: 'ec2:LaunchTemplate', ResourceTypeOptions: [{ OptionName: 'version-depth', OptionValues: ['0'] }] }] })),
        'InvalidParameterValue', /version-depth/,
      );
    });

    it('sees only the caller\'s resources: another account\'s instances of a shared image are not ours to list', async () => {
      const client = ec2(manifest.endpoint, 'us-east-1');
      const found = await references({ ImageIds: [manifest.images.petTrackerLatest], IncludeAllResourceTypes: true }, client);
      assert.deepEqual(found, [`${manifest.images.petTrackerLatest} ec2:Instance arn:aws:ec2:us-east-1:${ACCOUNTS.ours}:instance/${manifest.instances.petTrackerApi}`]);
    });
  });

  describe('AMI usage reports', () => {
    /** Polls until the report leaves pending; resolves to its description. @param {string} reportId */
    async function settled(reportId, client = ours) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const { ImageUsageReports: [report] = [] } = await client.send(new DescribeImageUsageReportsCommand({ ReportIds: [reportId] }));
        if (report?.State !== 'pending' || Date.now() > deadline) return report;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }

    /** @param {string} reportId */
    async function entries(reportId, client = ours, Filters = undefined) {
      const { ImageUsageReportEntries = [] } = await client.send(new DescribeImageUsageReportEntriesCommand({ ReportIds: [reportId], Filters }));
      return ImageUsageReportEntries.map((e) => `${e.AccountId} ${e.ResourceType} ${e.UsageCount}`).sort();
    }

    it('counts, per other account, the instances and launch templates using the seeded shared image', async () => {
      const client = ec2(manifest.endpoint, 'us-east-1');
      const imageId = manifest.images.petTrackerLatest;
      const { ReportId } = await client.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }, { ResourceType: 'ec2:LaunchTemplate' }] }));
      assert.match(ReportId ?? '', /^amiur-[0-9a-f]{17}$/);
      const { ImageUsageReports: [pending] = [] } = await client.send(new DescribeImageUsageReportsCommand({ ImageIds: [imageId] }));
      assert.equal(pending.State, 'pending', 'a new report is pending at first');
      assert.deepEqual(await entries(/** @type {string} */ (ReportId), client), [], 'and has no entries yet');

      const report = await settled(/** @type {string} */ (ReportId), client);
      assert.equal(report?.State, 'available');
      assert.equal(report?.ImageId, imageId);
      assert.equal(report?.ExpirationTime?.getTime(), (report?.CreationTime?.getTime() ?? 0) + 30 * 86_400_000, 'kept 30 days');
      const expected = Object.entries(manifest.usedByOtherAccounts[imageId]).flatMap(([account, counts]) => Object.entries(counts).map(([kind, n]) => `${account} ${kind} ${n}`));
      assert.deepEqual(await entries(/** @type {string} */ (ReportId), client), expected.sort());
      assert.deepEqual(await entries(/** @type {string} */ (ReportId), client, [{ Name: 'resource-type', Values: ['ec2:LaunchTemplate'] }]), [`${ACCOUNTS.friend} ec2:LaunchTemplate 1`]);
      await client.send(new DeleteImageUsageReportCommand({ ReportId }));
      await rejectsWithCode(client.send(new DescribeImageUsageReportsCommand({ ReportIds: [/** @type {string} */ (ReportId)] })), 'InvalidImageUsageReportId.NotFound');
    });

    it('narrows to the accounts and resource types asked for, and is idempotent by client token', async () => {
      const imageId = await register();
      await ours.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ UserId: OTHER }, { UserId: THIRD }] } }));
      await run(ec2(manifest.endpoint, REGION, OTHER), imageId, 3);
      await run(ec2(manifest.endpoint, REGION, THIRD), imageId);
      await run(ours, imageId);
      const input = { ImageId: imageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }], ClientToken: `token-${counter}` };
      const { ReportId: all } = await ours.send(new CreateImageUsageReportCommand(input));
      assert.equal((await ours.send(new CreateImageUsageReportCommand(input))).ReportId, all, 'the same token, the same report');
      const { ReportId: one } = await ours.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }], AccountIds: [THIRD] }));
      assert.equal((await settled(/** @type {string} */ (all)))?.State, 'available');
      assert.deepEqual(await entries(/** @type {string} */ (all)), [`${OTHER} ec2:Instance 3`, `${THIRD} ec2:Instance 1`], 'our own instance is not counted');
      assert.equal((await settled(/** @type {string} */ (one)))?.State, 'available');
      assert.deepEqual(await entries(/** @type {string} */ (one)), [`${THIRD} ec2:Instance 1`]);
      const { ImageUsageReports = [] } = await ours.send(new DescribeImageUsageReportsCommand({ ImageIds: [imageId], Filters: [{ Name: 'state', Values: ['available'] }] }));
      assert.deepEqual(ImageUsageReports.map((r) => r.ReportId).sort(), [all, one].sort());
    });

    it('ends in error when the image is gone before the report is made', async () => {
      const imageId = await register();
      const { ReportId } = await ours.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }] }));
      await ours.send(new DeregisterImageCommand({ ImageId: imageId }));
      const report = await settled(/** @type {string} */ (ReportId));
      assert.equal(report?.State, 'error');
      assert.match(report?.StateReason ?? '', /no longer exists/);
    });

    it('reports only on images the caller owns, and refuses bad input', async () => {
      const client = ec2(manifest.endpoint, 'us-east-1');
      const types = [{ ResourceType: 'ec2:Instance' }];
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: manifest.images.sharedWithMe, ResourceTypes: types })), 'AuthFailure');
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: manifest.images.al2023Latest, ResourceTypes: types })), 'AuthFailure');
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: 'ami-0123456789abcdef0', ResourceTypes: types })), 'InvalidAMIID.NotFound');
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: 'ami-nope', ResourceTypes: types })), 'InvalidAMIID.Malformed');
      const imageId = manifest.images.petTrackerLatest;
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: [] })), 'MissingParameter');
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: [{ ResourceType: 'ssm:Parameter' }] })), 'InvalidParameterValue', /ssm:Parameter/);
      await rejectsWithCode(client.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: types, AccountIds: ['12345'] })), 'InvalidParameterValue', /12345/);
      await rejectsWithCode(
        client.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: types, TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'a', Value: 'b' }] }] })),
        'InvalidParameterValue', /taggable resource type/,
      );
      await rejectsWithCode(client.send(new DescribeImageUsageReportsCommand({ ReportIds: ['amiur-0123456789abcdef0'] })), 'InvalidImageUsageReportId.NotFound');
      await rejectsWithCode(client.send(new DescribeImageUsageReportEntriesCommand({ ReportIds: ['report-1'] })), 'InvalidImageUsageReportId.Malformed');
      await rejectsWithCode(client.send(new DeleteImageUsageReportCommand({ ReportId: 'amiur-0123456789abcdef0' })), 'InvalidImageUsageReportId.NotFound');
    });

    it('keeps each account\'s reports to itself', async () => {
      const imageId = await register();
      const { ReportId } = await ours.send(new CreateImageUsageReportCommand({ ImageId: imageId, ResourceTypes: [{ ResourceType: 'ec2:Instance' }] }));
      const other = ec2(manifest.endpoint, REGION, OTHER);
      assert.deepEqual((await other.send(new DescribeImageUsageReportsCommand({}))).ImageUsageReports ?? [], []);
      await rejectsWithCode(other.send(new DescribeImageUsageReportsCommand({ ReportIds: [/** @type {string} */ (ReportId)] })), 'InvalidImageUsageReportId.NotFound');
    });
  });
});
