// Seeds the EC2 sandbox with a realistic AMI estate, through the EC2 API only.
//
//   import { seed } from './sandbox/seed.mjs';
//   const manifest = await seed('http://127.0.0.1:PORT');
//
// CLI: `node sandbox/seed.mjs http://127.0.0.1:PORT` prints the manifest as JSON.
//
// Two request headers go beyond EC2, both understood only by the sandbox: `x-moto-account-id` (moto's own)
// acts as another account, so foreign images are genuinely foreign; `x-sandbox-now` dates images and
// instances in the past, so ages and "latest" mean something.

import {
  CopyImageCommand,
  CreateImageCommand,
  CreateLaunchTemplateCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  EnableImageBlockPublicAccessCommand,
  EnableImageDeprecationCommand,
  DisableImageCommand,
  ModifyImageAttributeCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { fileURLToPath } from 'node:url';
import { publishPublicParameter } from './ssm.mjs';

export const OUR_ACCOUNT = '123456789012';
export const ACCOUNTS = Object.freeze({
  ours: OUR_ACCOUNT,
  amazonLinux: '137112412989',
  amazonWindows: '801119661308',
  canonical: '099720109477',
  partner: '111122223333',
  // Only ever a launch-permission target: an account we share with.
  friend: '444455556666',
});
export const REGIONS = Object.freeze(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
const WINDOWS_BILLING_PRODUCT = 'bp-6ba54002';
const CONCURRENCY = 8;

/**
 * @typedef {{ id: string, name: string, owner: string, tags: Record<string, string>, state: string,
 *   architecture: string, platform: string | null, creationDate: string, deprecationTime: string | null,
 *   deprecated: boolean, shared: boolean, sharedWith: string[], public: boolean }} SeededImage
 * @typedef {{ id: string, imageId: string, name: string, state: string, type: string, launchTime: string }} SeededInstance
 * @typedef {{ images: SeededImage[], instances: SeededInstance[], blockPublicAccess: string }} SeededRegion
 * @typedef {{
 *   endpoint: string, accountId: string, seedMs: number,
 *   regions: Record<string, SeededRegion>,
 *   images: Record<string, string>, instances: Record<string, string>,
 *   counts: Record<string, Record<string, number>>,
 *   usedByOtherAccounts: Record<string, Record<string, Record<string, number>>>,
 *   publicParameters: Record<string, Record<string, string>>,
 * }} Manifest
 */

class Seeder {
  /**
   * @param {string} endpoint
   * @param {string} region
   * @param {Map<string, EC2Client>} clients
   * @param {SeededRegion} out
   */
  constructor(endpoint, region, clients, out) {
    this.endpoint = endpoint;
    this.region = region;
    this.clients = clients;
    this.out = out;
    /** @type {Map<string, Promise<string>>} */
    this.snapshots = new Map();
  }

  /**
   * @param {string} account
   * @returns {EC2Client}
   */
  client(account) {
    const key = `${this.region}/${account}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new EC2Client({
        endpoint: this.endpoint,
        region: this.region,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
        maxAttempts: 2,
      });
      if (account !== OUR_ACCOUNT) {
        client.middlewareStack.add(
          (next) => async (args) => {
            /** @type {any} */ (args.request).headers['x-moto-account-id'] = account;
            return next(args);
          },
          { step: 'build', name: 'sandboxAccount' },
        );
      }
      this.clients.set(key, client);
    }
    return client;
  }

  /**
   * Sends a command as `account`, at time `at` when given.
   * @template {import('@smithy/types').Command<any, any, any, any, any>} C
   * @param {string} account
   * @param {C} command
   * @param {string} [at] ISO 8601
   * @returns {Promise<any>}
   */
  send(account, command, at) {
    if (at) {
      command.middlewareStack.add(
        (next) => async (args) => {
          /** @type {any} */ (args.request).headers['x-sandbox-now'] = at;
          return next(args);
        },
        { step: 'build', name: 'sandboxClock' },
      );
    }
    return this.client(account).send(command);
  }

  /**
   * One root snapshot per account and volume size, shared by that account's registered images.
   * @param {string} account
   * @param {number} [size]
   */
  snapshot(account, size = 8) {
    const key = `${account}/${size}`;
    if (!this.snapshots.has(key)) {
      this.snapshots.set(
        key,
        (async () => {
          const volume = await this.send(account, new CreateVolumeCommand({ AvailabilityZone: `${this.region}a`, Size: size, VolumeType: 'gp3' }));
          const snapshot = await this.send(account, new CreateSnapshotCommand({ VolumeId: volume.VolumeId, Description: 'Root volume' }));
          return snapshot.SnapshotId;
        })(),
      );
    }
    return /** @type {Promise<string>} */ (this.snapshots.get(key));
  }

  /**
   * Registers an EBS-backed image and records it.
   * @param {{ account: string, name: string, at: string, arch?: string, description?: string, tags?: Record<string, string>,
   *   windows?: boolean, size?: number, root?: string, public?: boolean, shareWith?: string[], deprecateAt?: string }} spec
   * @returns {Promise<SeededImage>}
   */
  async register(spec) {
    const root = spec.root ?? (spec.windows ? '/dev/sda1' : '/dev/xvda');
    const size = spec.size ?? (spec.windows ? 30 : 8);
    const snapshotId = await this.snapshot(spec.account, size);
    const { ImageId } = await this.send(
      spec.account,
      new RegisterImageCommand({
        Name: spec.name,
        Description: spec.description,
        Architecture: /** @type {any} */ (spec.arch ?? 'x86_64'),
        RootDeviceName: root,
        VirtualizationType: 'hvm',
        EnaSupport: true,
        BootMode: spec.arch === 'arm64' ? 'uefi' : spec.windows ? 'uefi' : 'uefi-preferred',
        ImdsSupport: 'v2.0',
        BillingProducts: spec.windows ? [WINDOWS_BILLING_PRODUCT] : undefined,
        BlockDeviceMappings: [{ DeviceName: root, Ebs: { SnapshotId: snapshotId, VolumeSize: size, VolumeType: 'gp3', DeleteOnTermination: true } }],
        TagSpecifications: spec.tags ? [{ ResourceType: 'image', Tags: toTags(spec.tags) }] : undefined,
      }),
      spec.at,
    );
    return this.finish(ImageId, spec);
  }

  /**
   * Bakes an image from an instance (CreateImage) and records it.
   * @param {{ instanceId: string, name: string, at: string, arch: string, windows?: boolean, description?: string,
   *   tags?: Record<string, string>, public?: boolean, shareWith?: string[], deprecateAt?: string }} spec
   */
  async bake(spec) {
    const { ImageId } = await this.send(
      OUR_ACCOUNT,
      new CreateImageCommand({
        InstanceId: spec.instanceId,
        Name: spec.name,
        Description: spec.description,
        TagSpecifications: spec.tags
          ? [
              { ResourceType: 'image', Tags: toTags(spec.tags) },
              { ResourceType: 'snapshot', Tags: toTags(spec.tags) },
            ]
          : undefined,
      }),
      spec.at,
    );
    return this.finish(ImageId, { ...spec, account: OUR_ACCOUNT });
  }

  /**
   * Copies one of our images from another region into this one and records it.
   * @param {{ source: SeededImage, sourceRegion: string, at: string }} spec
   */
  async copy({ source, sourceRegion, at }) {
    const { ImageId } = await this.send(
      OUR_ACCOUNT,
      new CopyImageCommand({ SourceImageId: source.id, SourceRegion: sourceRegion, Name: source.name, Description: `Copy of ${source.id} from ${sourceRegion}`, CopyImageTags: true }),
      at,
    );
    return this.finish(ImageId, {
      account: OUR_ACCOUNT,
      name: source.name,
      at,
      arch: source.architecture,
      windows: source.platform === 'windows',
      tags: source.tags,
    });
  }

  /**
   * Applies sharing / deprecation and adds the image to the manifest.
   * @param {string} id
   * @param {{ account: string, name: string, at: string, arch?: string, windows?: boolean, tags?: Record<string, string>,
   *   public?: boolean, shareWith?: string[], deprecateAt?: string }} spec
   * @returns {Promise<SeededImage>}
   */
  async finish(id, spec) {
    const add = [...(spec.public ? [{ Group: /** @type {const} */ ('all') }] : []), ...(spec.shareWith ?? []).map((UserId) => ({ UserId }))];
    if (add.length) await this.send(spec.account, new ModifyImageAttributeCommand({ ImageId: id, LaunchPermission: { Add: add } }));
    if (spec.deprecateAt) await this.send(spec.account, new EnableImageDeprecationCommand({ ImageId: id, DeprecateAt: new Date(spec.deprecateAt) }));
    /** @type {SeededImage} */
    const image = {
      id,
      name: spec.name,
      owner: spec.account,
      tags: { ...(spec.tags ?? {}) },
      state: 'available',
      architecture: spec.arch ?? 'x86_64',
      platform: spec.windows ? 'windows' : null,
      creationDate: new Date(spec.at).toISOString(),
      deprecationTime: spec.deprecateAt ? new Date(spec.deprecateAt).toISOString() : null,
      deprecated: spec.deprecateAt ? Date.parse(spec.deprecateAt) <= Date.now() : false,
      shared: (spec.shareWith ?? []).length > 0,
      sharedWith: [...(spec.shareWith ?? [])],
      public: Boolean(spec.public),
    };
    this.out.images.push(image);
    return image;
  }

  /**
   * @param {{ imageId: string, name: string, type: string, at: string, stopped?: boolean }} spec
   * @returns {Promise<SeededInstance>}
   */
  async launch(spec) {
    const { Instances } = await this.send(
      OUR_ACCOUNT,
      new RunInstancesCommand({
        ImageId: spec.imageId,
        InstanceType: /** @type {any} */ (spec.type),
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: toTags({ Name: spec.name }) }],
      }),
      spec.at,
    );
    const id = Instances[0].InstanceId;
    if (spec.stopped) await this.send(OUR_ACCOUNT, new StopInstancesCommand({ InstanceIds: [id] }));
    const instance = { id, imageId: spec.imageId, name: spec.name, state: spec.stopped ? 'stopped' : 'running', type: spec.type, launchTime: new Date(spec.at).toISOString() };
    this.out.instances.push(instance);
    return instance;
  }

  async blockPublicSharing() {
    await this.send(OUR_ACCOUNT, new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }));
    this.out.blockPublicAccess = 'block-new-sharing';
  }

  /** The public catalog: Amazon Linux 2023, Ubuntu 24.04 LTS and Windows Server 2022, several dated releases each. */
  async catalog() {
    const al2023 = [
      ['2023.6.20241111.0', '2024-11-11T19:40:00Z'],
      ['2023.6.20241121.0', '2024-11-21T23:05:00Z'],
      ['2023.6.20241212.0', '2024-12-12T20:52:00Z'],
    ];
    const ubuntu = [
      ['20241004', '2024-10-04T08:12:00Z'],
      ['20241109', '2024-11-09T07:44:00Z'],
      ['20241119', '2024-11-19T06:31:00Z'],
    ];
    const windows = [
      ['2024.10.09', '2024-10-09T19:20:00Z'],
      ['2024.11.13', '2024-11-13T18:55:00Z'],
    ];
    const { amazonLinux, canonical, amazonWindows } = ACCOUNTS;
    const [alX86, alArm, ubuntuAmd, ubuntuArm, win] = await Promise.all([
      mapLimit(al2023, 3, ([version, at]) =>
        this.register({ account: amazonLinux, name: `al2023-ami-${version}-kernel-6.1-x86_64`, at, description: `Amazon Linux 2023 AMI ${version} x86_64 HVM kernel-6.1`, public: true }),
      ),
      mapLimit(al2023, 3, ([version, at]) =>
        this.register({ account: amazonLinux, name: `al2023-ami-${version}-kernel-6.1-arm64`, at, arch: 'arm64', description: `Amazon Linux 2023 AMI ${version} arm64 HVM kernel-6.1`, public: true }),
      ),
      mapLimit(ubuntu, 3, ([date, at]) =>
        this.register({ account: canonical, name: `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-${date}`, at, root: '/dev/sda1', description: 'Canonical, Ubuntu, 24.04, amd64 noble image', public: true }),
      ),
      this.register({ account: canonical, name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20241119', at: '2024-11-19T06:33:00Z', arch: 'arm64', root: '/dev/sda1', description: 'Canonical, Ubuntu, 24.04, arm64 noble image', public: true }),
      mapLimit(windows, 2, ([date, at]) =>
        this.register({ account: amazonWindows, name: `Windows_Server-2022-English-Full-Base-${date}`, at, windows: true, description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon', public: true }),
      ),
      // Public AMIs get a deprecation date two years after creation; this one's has passed.
      this.register({ account: amazonLinux, name: 'al2023-ami-2023.2.20231113.0-kernel-6.1-x86_64', at: '2023-11-13T21:10:00Z', description: 'Amazon Linux 2023 AMI 2023.2.20231113.0 x86_64 HVM kernel-6.1', public: true, deprecateAt: '2025-11-13T21:10:00Z' }),
    ]);
    return { al2023: alX86[alX86.length - 1], al2023Arm: alArm[alArm.length - 1], ubuntu: ubuntuAmd[ubuntuAmd.length - 1], ubuntuArm, windows: win[win.length - 1] };
  }
}

/**
 * @param {Record<string, string>} tags
 * @returns {{ Key: string, Value: string }[]}
 */
function toTags(tags) {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * Maps with at most `limit` calls in flight, keeping order.
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
async function mapLimit(items, limit, fn) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Our estate in us-east-1: baked PetTracker releases, Billing (arm64), a Windows image, untagged images,
 * a deprecated, a disabled and a public image, a large Batch group, images shared with us, and instances.
 * @param {Seeder} s
 * @param {Awaited<ReturnType<Seeder['catalog']>>} catalog
 * @param {number} batchCount
 */
async function usEast1(s, catalog, batchCount) {
  const { partner, friend } = ACCOUNTS;
  const images = /** @type {Record<string, SeededImage>} */ ({});

  const partnerWork = Promise.all([
    s.register({ account: partner, name: 'partner-hardened-base-2026.10', at: '2026-10-05T12:00:00Z', description: 'CIS hardened base image from our security partner', tags: { Project: 'Hardening', Vendor: 'Partner' }, shareWith: [OUR_ACCOUNT] }),
    // Shared with someone else: must stay invisible to us.
    s.register({ account: partner, name: 'partner-internal-2026.10', at: '2026-10-06T12:00:00Z', tags: { Project: 'Internal' }, shareWith: [friend] }),
  ]);
  // Awaited below; this only keeps an early failure from counting as unhandled meanwhile.
  partnerWork.catch(() => {});

  const builder = await s.launch({ imageId: catalog.al2023.id, name: 'image-builder', type: 't3.large', at: '2026-01-19T08:00:00Z' });
  const petTracker = [
    ['0.9', '2026-01-20T10:15:00Z'],
    ['1.0', '2026-03-02T09:30:00Z'],
    ['1.1', '2026-06-15T14:05:00Z'],
    ['1.2', '2026-09-20T08:45:00Z'],
  ];
  const [v09, v10, v11, v12] = await mapLimit(petTracker, 4, ([version, at]) =>
    s.bake({
      instanceId: builder.id,
      name: `pettracker-ml-v${version}`,
      at,
      arch: 'x86_64',
      description: `PetTracker ML inference server ${version}`,
      tags: { Project: 'PetTracker', Version: version, ...(version === '1.2' ? { Latest: 'true' } : {}) },
      // Announced retirement, still in the future.
      deprecateAt: version === '1.0' ? '2027-03-01T00:00:00Z' : undefined,
      shareWith: version === '1.2' ? [friend] : undefined,
    }),
  );
  await s.send(OUR_ACCOUNT, new DisableImageCommand({ ImageId: v09.id }));
  v09.state = 'disabled';
  Object.assign(images, { petTrackerDisabled: v09, petTrackerV10: v10, petTrackerV11: v11, petTrackerLatest: v12 });

  const billing = [
    ['2025.12.01', '2025-12-01T06:00:00Z'],
    ['2026.08.01', '2026-08-01T06:00:00Z'],
    ['2026.09.01', '2026-09-01T06:00:00Z'],
    ['2026.10.01', '2026-10-01T06:00:00Z'],
  ];
  const [b2512, , b2609, b2610] = await mapLimit(billing, 4, ([version, at]) =>
    s.register({
      account: OUR_ACCOUNT,
      name: `billing-api-${version}`,
      at,
      arch: 'arm64',
      description: `Billing API ${version} (Graviton)`,
      tags: { Project: 'Billing', Version: version, ...(version === '2026.10.01' ? { Latest: 'true' } : {}) },
      deprecateAt: version === '2025.12.01' ? '2026-01-01T00:00:00Z' : undefined,
    }),
  );
  Object.assign(images, { deprecated: b2512, billingPrevious: b2609, billingLatest: b2610 });

  const winBuilder = await s.launch({ imageId: catalog.windows.id, name: 'win-image-builder', type: 't3.large', at: '2026-10-01T09:00:00Z', stopped: true });
  const [windowsOwned, jenkins, scratch, toolbox] = await Promise.all([
    s.bake({ instanceId: winBuilder.id, name: 'intranet-iis-2026.10', at: '2026-10-02T11:20:00Z', arch: 'x86_64', windows: true, description: 'Intranet IIS web server', tags: { Project: 'Intranet', Version: '2026.10' } }),
    s.register({ account: OUR_ACCOUNT, name: 'jenkins-agent-2026.07', at: '2026-07-07T16:00:00Z', description: 'Jenkins build agent', tags: { Team: 'Platform' } }),
    s.register({ account: OUR_ACCOUNT, name: 'scratch-debug-image', at: '2026-11-02T13:37:00Z' }),
    s.register({ account: OUR_ACCOUNT, name: 'opensource-toolbox-2026.08', at: '2026-08-18T10:00:00Z', description: 'Public toolbox image for the community', tags: { Project: 'Toolbox', Version: '2026.08' }, public: true }),
  ]);
  Object.assign(images, { windowsOwned, untagged: scratch, noProjectTag: jenkins, publicOwned: toolbox });

  const batch = await mapLimit(
    Array.from({ length: batchCount }, (_, i) => i + 1),
    CONCURRENCY,
    (n) => {
      const number = String(n).padStart(3, '0');
      const at = new Date(Date.parse('2026-06-01T00:00:00Z') + n * 3_600_000).toISOString();
      return s.register({ account: OUR_ACCOUNT, name: `batch-worker-${number}`, at, tags: { Project: 'Batch', Version: number, ...(n === batchCount ? { Latest: 'true' } : {}) } });
    },
  );
  if (batch.length) Object.assign(images, { batchFirst: batch[0], batchLatest: batch.at(-1) });

  const [sharedWithMe, partnerPrivate] = await partnerWork;
  Object.assign(images, { sharedWithMe, partnerNotShared: partnerPrivate });

  await s.send(OUR_ACCOUNT, new StopInstancesCommand({ InstanceIds: [builder.id] }));
  const builderRecord = /** @type {SeededInstance} */ (s.out.instances.find((i) => i.id === builder.id));
  builderRecord.state = 'stopped';
  const instances = await Promise.all([
    s.launch({ imageId: v12.id, name: 'pettracker-api-1', type: 't3.medium', at: '2026-09-22T10:00:00Z' }),
    s.launch({ imageId: v11.id, name: 'pettracker-api-2', type: 't3.medium', at: '2026-06-20T10:00:00Z' }),
    s.launch({ imageId: b2610.id, name: 'billing-worker', type: 't4g.small', at: '2026-10-03T07:00:00Z' }),
    s.launch({ imageId: b2512.id, name: 'billing-legacy', type: 't4g.small', at: '2025-12-03T07:00:00Z', stopped: true }),
    s.launch({ imageId: windowsOwned.id, name: 'intranet-web-1', type: 't3.large', at: '2026-10-04T09:00:00Z' }),
    s.launch({ imageId: jenkins.id, name: 'jenkins-agent', type: 'c6i.large', at: '2026-07-08T09:00:00Z', stopped: true }),
  ]);
  const [petTrackerApi, , billingWorker, billingLegacy, intranetWeb, jenkinsAgent] = instances;
  return {
    images,
    instances: { imageBuilder: builder, winImageBuilder: winBuilder, petTrackerApi, billingWorker, billingLegacy, intranetWeb, jenkinsAgent },
  };
}

/**
 * eu-west-1: PetTracker copied from us-east-1, Billing, an untagged image, a partner share and instances.
 * @param {Seeder} s
 * @param {Awaited<ReturnType<Seeder['catalog']>>} catalog
 * @param {Promise<{ images: Record<string, SeededImage> }>} usEast
 */
async function euWest1(s, catalog, usEast) {
  const [billing, analytics, shared] = await Promise.all([
    s.register({ account: OUR_ACCOUNT, name: 'billing-api-2026.10.01', at: '2026-10-01T07:00:00Z', arch: 'arm64', description: 'Billing API 2026.10.01 (Graviton)', tags: { Project: 'Billing', Version: '2026.10.01', Latest: 'true' } }),
    s.register({ account: OUR_ACCOUNT, name: 'eu-analytics-2026.04', at: '2026-04-14T09:00:00Z', description: 'Analytics batch host', tags: { Team: 'Data' } }),
    s.register({ account: ACCOUNTS.partner, name: 'partner-hardened-base-2026.10', at: '2026-10-05T12:30:00Z', tags: { Project: 'Hardening' }, shareWith: [OUR_ACCOUNT] }),
  ]);
  const { images: east } = await usEast;
  const petTracker = await s.copy({ source: east.petTrackerLatest, sourceRegion: 'us-east-1', at: '2026-09-21T08:00:00Z' });
  const [petTrackerApi, bastion, analyticsOld] = await Promise.all([
    s.launch({ imageId: petTracker.id, name: 'pettracker-api-eu-1', type: 't3.medium', at: '2026-09-23T10:00:00Z' }),
    s.launch({ imageId: catalog.ubuntu.id, name: 'bastion-eu', type: 't3.micro', at: '2026-11-20T08:00:00Z' }),
    s.launch({ imageId: analytics.id, name: 'analytics-old', type: 'm6i.large', at: '2026-04-15T09:00:00Z', stopped: true }),
  ]);
  return {
    images: { petTrackerLatestEu: petTracker, billingLatestEu: billing, noProjectTagEu: analytics, sharedWithMeEu: shared },
    instances: { petTrackerApiEu: petTrackerApi, bastionEu: bastion, analyticsOldEu: analyticsOld },
  };
}

/**
 * ap-southeast-2: a copy of PetTracker 1.1, one untagged image, and block public access switched on.
 * @param {Seeder} s
 * @param {Promise<{ images: Record<string, SeededImage> }>} usEast
 */
async function apSoutheast2(s, usEast) {
  const [edge] = await Promise.all([
    s.register({ account: OUR_ACCOUNT, name: 'sydney-edge-proxy-2026.05', at: '2026-05-11T22:00:00Z', description: 'Edge proxy for APAC' }),
    s.blockPublicSharing(),
  ]);
  const { images: east } = await usEast;
  const petTracker = await s.copy({ source: east.petTrackerV11, sourceRegion: 'us-east-1', at: '2026-06-16T02:00:00Z' });
  return { images: { petTrackerV11Sydney: petTracker, noProjectTagSydney: edge }, instances: {} };
}

/**
 * Who else uses one of our images: the account we share the latest PetTracker with runs two instances of it and
 * keeps a launch template naming it, so an AMI usage report has something to count. None of it is ours, so our
 * views and counts do not change. Returns `{ imageId: { account: { resourceType: count } } }`.
 * @param {Seeder} s us-east-1
 * @param {SeededImage} image shared with ACCOUNTS.friend
 */
async function usedElsewhere(s, image) {
  const { friend } = ACCOUNTS;
  await s.send(friend, new RunInstancesCommand({ ImageId: image.id, InstanceType: 't3.medium', MinCount: 2, MaxCount: 2 }));
  await s.send(friend, new CreateLaunchTemplateCommand({ LaunchTemplateName: 'partner-pettracker', LaunchTemplateData: { ImageId: image.id, InstanceType: 't3.medium' } }));
  return { [image.id]: { [friend]: { 'ec2:Instance': 2, 'ec2:LaunchTemplate': 1 } } };
}

/**
 * Seeds a fresh sandbox. Call it once per server.
 * @param {string} endpoint e.g. http://127.0.0.1:PORT
 * @param {{ batchCount?: number }} [options] batchCount: size of the us-east-1 Batch group (130)
 * @returns {Promise<Manifest>}
 */
export async function seed(endpoint, { batchCount = 130 } = {}) {
  const started = Date.now();
  /** @type {Map<string, EC2Client>} */
  const clients = new Map();
  /** @type {Record<string, SeededRegion>} */
  const regions = {};
  const seeders = Object.fromEntries(
    REGIONS.map((region) => {
      regions[region] = { images: [], instances: [], blockPublicAccess: 'unblocked' };
      return [region, new Seeder(endpoint, region, clients, regions[region])];
    }),
  );
  try {
    const catalogs = Object.fromEntries(REGIONS.map((region) => [region, seeders[region].catalog()]));
    const east = (async () => usEast1(seeders['us-east-1'], await catalogs['us-east-1'], batchCount))();
    const eu = (async () => euWest1(seeders['eu-west-1'], await catalogs['eu-west-1'], east))();
    const ap = (async () => {
      await catalogs['ap-southeast-2'];
      return apSoutheast2(seeders['ap-southeast-2'], east);
    })();
    const elsewhere = (async () => usedElsewhere(seeders['us-east-1'], (await east).images.petTrackerLatest))();
    const [catalogEast, eastResult, euResult, apResult, usedByOtherAccounts] = await Promise.all([catalogs['us-east-1'], east, eu, ap, elsewhere]);
    const catalogEu = await catalogs['eu-west-1'];
    const publicParameters = await seedPublicParameters(endpoint, Object.fromEntries(await Promise.all(REGIONS.map(async (r) => [r, await catalogs[r]]))), regions);
    const al2023Deprecated = /** @type {SeededImage} */ (regions['us-east-1'].images.find((i) => i.deprecated && i.owner === ACCOUNTS.amazonLinux));

    /** @type {Record<string, SeededImage>} */
    const wellKnown = {
      ...eastResult.images,
      ...euResult.images,
      ...apResult.images,
      al2023Latest: catalogEast.al2023,
      al2023LatestArm: catalogEast.al2023Arm,
      al2023Deprecated,
      ubuntuLatest: catalogEast.ubuntu,
      ubuntuLatestArm: catalogEast.ubuntuArm,
      windowsLatest: catalogEast.windows,
      ubuntuLatestEu: catalogEu.ubuntu,
    };
    const instances = { ...eastResult.instances, ...euResult.instances, ...apResult.instances };
    return {
      endpoint,
      accountId: OUR_ACCOUNT,
      seedMs: Date.now() - started,
      regions,
      images: Object.fromEntries(Object.entries(wellKnown).map(([k, v]) => [k, v.id])),
      instances: Object.fromEntries(Object.entries(instances).map(([k, v]) => [k, v.id])),
      counts: Object.fromEntries(REGIONS.map((region) => [region, countRegion(regions[region])])),
      usedByOtherAccounts,
      publicParameters,
    };
  } finally {
    for (const client of clients.values()) client.destroy();
  }
}

/**
 * AWS's public SSM parameters naming each region's Amazon Linux 2023 images, as code refers to them: the Amazon
 * Linux paths, and the EKS paths Karpenter's `al2023@latest` and eksctl's `auto-ssm` stand for (Kubernetes 1.31,
 * x86_64; the sandbox has no EKS images, so they name Amazon Linux 2023). The minimal-kernel path names the
 * deprecated release, where a region has one.
 * @param {string} endpoint
 * @param {Record<string, { al2023: SeededImage, al2023Arm: SeededImage }>} catalogs per region
 * @param {Record<string, SeededRegion>} regions
 * @returns {Promise<Record<string, Record<string, string>>>} per region, path → image id
 */
export async function seedPublicParameters(endpoint, catalogs, regions) {
  /** @type {Record<string, Record<string, string>>} */
  const published = {};
  await Promise.all(Object.entries(catalogs).map(async ([region, catalog]) => {
    const deprecated = regions[region]?.images.find((i) => i.deprecated && i.owner === ACCOUNTS.amazonLinux && i.architecture === 'x86_64');
    /** @type {Record<string, string>} */
    const paths = {
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64': catalog.al2023.id,
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64': catalog.al2023.id,
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64': catalog.al2023Arm.id,
      '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id': catalog.al2023.id,
      '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/arm64/standard/recommended/image_id': catalog.al2023Arm.id,
      ...(deprecated ? { '/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64': deprecated.id } : {}),
    };
    for (const [name, value] of Object.entries(paths)) {
      await publishPublicParameter(endpoint, { region, name, value });
    }
    // A public parameter that names no image, for code that uses one as an image id by mistake.
    await publishPublicParameter(endpoint, { region, name: '/aws/service/global-infrastructure/current-region/longName', value: region, dataType: 'text' });
    published[region] = paths;
  }));
  return published;
}

/**
 * What a default DescribeImages call in our account shows, per group.
 * @param {SeededRegion} region
 */
function countRegion(region) {
  const ours = region.images.filter((i) => i.owner === OUR_ACCOUNT);
  return {
    owned: ours.length,
    ownedDefaultView: ours.filter((i) => i.state !== 'disabled').length,
    sharedWithMe: region.images.filter((i) => i.owner !== OUR_ACCOUNT && i.sharedWith.includes(OUR_ACCOUNT)).length,
    publicCatalog: region.images.filter((i) => i.owner !== OUR_ACCOUNT && i.public).length,
    publicCatalogDefaultView: region.images.filter((i) => i.owner !== OUR_ACCOUNT && i.public && !i.deprecated).length,
    batch: ours.filter((i) => i.tags.Project === 'Batch').length,
    instances: region.instances.length,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const endpoint = process.argv[2];
  if (!endpoint) {
    process.stderr.write('usage: node sandbox/seed.mjs http://127.0.0.1:PORT\n');
    process.exit(2);
  }
  seed(endpoint).then(
    (manifest) => process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`),
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
