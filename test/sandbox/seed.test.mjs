// The manifest describes what the seeded sandbox really contains.
import assert from 'node:assert/strict';
import { DescribeImagesCommand, DescribeInstancesCommand, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { ACCOUNTS, REGIONS } from '../../sandbox/seed.mjs';
import { ec2, sandbox, tagsOf } from './fixture.mjs';

describe('sandbox seed', function () {
  this.timeout(60_000);
  /** @type {Awaited<ReturnType<typeof sandbox>>['manifest']} */
  let manifest;

  before(async () => {
    ({ manifest } = await sandbox());
  });

  it('is JSON-serialisable and seeds in well under 15 s', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(manifest)), manifest);
    assert.ok(manifest.seedMs < 15_000, `seeding took ${manifest.seedMs} ms`);
    assert.deepEqual(Object.keys(manifest.regions), [...REGIONS]);
  });

  for (const region of REGIONS) {
    it(`${region}: counts match what DescribeImages / DescribeInstances return`, async () => {
      const client = ec2(manifest.endpoint, region);
      const counts = manifest.counts[region];
      let owned = 0;
      for await (const page of paginateDescribeImages({ client, pageSize: 100 }, { Owners: ['self'], IncludeDisabled: true })) {
        owned += page.Images?.length ?? 0;
      }
      assert.equal(owned, counts.owned);
      const shared = await client.send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
      assert.equal(shared.Images?.length, counts.sharedWithMe);
      const catalog = await client.send(new DescribeImagesCommand({ Owners: ['amazon', ACCOUNTS.canonical], IncludeDeprecated: true }));
      assert.equal(catalog.Images?.length, counts.publicCatalog);
      const batch = await client.send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'tag:Project', Values: ['Batch'] }] }));
      assert.equal(batch.Images?.length, counts.batch);
      const { Reservations = [] } = await client.send(new DescribeInstancesCommand({}));
      assert.equal(Reservations.flatMap((r) => r.Instances ?? []).length, counts.instances);
    });
  }

  it('has a Batch group big enough to page, and a PetTracker group with a Latest image', () => {
    assert.equal(manifest.counts['us-east-1'].batch, 130);
    const petTracker = manifest.regions['us-east-1'].images.filter((i) => i.tags.Project === 'PetTracker');
    assert.deepEqual(petTracker.map((i) => i.name).sort(), ['pettracker-ml-v0.9', 'pettracker-ml-v1.0', 'pettracker-ml-v1.1', 'pettracker-ml-v1.2']);
    assert.deepEqual(petTracker.filter((i) => i.tags.Latest === 'true').map((i) => i.id), [manifest.images.petTrackerLatest]);
  });

  it('records images as DescribeImages reports them', async () => {
    for (const region of REGIONS) {
      const client = ec2(manifest.endpoint, region);
      const recorded = manifest.regions[region].images.filter((i) => i.owner === ACCOUNTS.ours);
      const { Images = [] } = await client.send(new DescribeImagesCommand({ ImageIds: recorded.map((i) => i.id), IncludeDisabled: true }));
      const byId = new Map(Images.map((i) => [i.ImageId, i]));
      for (const image of recorded) {
        const actual = byId.get(image.id);
        assert.ok(actual, `${region} ${image.name} missing`);
        assert.equal(actual.Name, image.name);
        assert.equal(actual.State, image.state);
        assert.equal(actual.Architecture, image.architecture);
        assert.equal(actual.Platform ?? null, image.platform);
        assert.equal(actual.Public, image.public);
        assert.equal(actual.CreationDate, image.creationDate);
        assert.equal(actual.DeprecationTime ?? null, image.deprecationTime);
        assert.deepEqual(tagsOf(actual), image.tags);
      }
    }
  });

  it('records instances as DescribeInstances reports them', async () => {
    for (const region of REGIONS) {
      const recorded = manifest.regions[region].instances;
      if (!recorded.length) continue;
      const { Reservations = [] } = await ec2(manifest.endpoint, region).send(new DescribeInstancesCommand({ InstanceIds: recorded.map((i) => i.id) }));
      const byId = new Map(Reservations.flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId, i]));
      for (const instance of recorded) {
        const actual = byId.get(instance.id);
        assert.equal(actual?.ImageId, instance.imageId);
        assert.equal(actual?.State?.Name, instance.state);
        assert.equal(actual?.InstanceType, instance.type);
        assert.equal(actual?.LaunchTime?.toISOString(), instance.launchTime);
        assert.equal(tagsOf(actual ?? {}).Name, instance.name);
      }
    }
  });

  it('makes the catalog look like the real one, with several releases so "latest" means something', async () => {
    const client = ec2(manifest.endpoint);
    const { Images = [] } = await client.send(
      new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-x86_64'] }] }),
    );
    const newest = Images.sort((a, b) => String(b.CreationDate).localeCompare(String(a.CreationDate)))[0];
    assert.equal(newest.ImageId, manifest.images.al2023Latest);
    assert.equal(newest.Name, 'al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64');
    assert.equal(newest.OwnerId, ACCOUNTS.amazonLinux);
    const { Images: [ubuntu] = [] } = await client.send(new DescribeImagesCommand({ ImageIds: [manifest.images.ubuntuLatest] }));
    assert.equal(ubuntu.Name, 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241119');
    assert.equal(ubuntu.OwnerId, ACCOUNTS.canonical);
    const { Images: [windows] = [] } = await client.send(new DescribeImagesCommand({ ImageIds: [manifest.images.windowsLatest] }));
    assert.equal(windows.Name, 'Windows_Server-2022-English-Full-Base-2024.11.13');
    assert.equal(windows.Platform, 'windows');
  });
});
