// DescribeImages in the seeded sandbox behaves like EC2: visibility, strict ids, filters, paging.
import assert from 'node:assert/strict';
import { DescribeImagesCommand, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { ACCOUNTS } from '../../sandbox/seed.mjs';
import { ec2, rejectsWithCode, sandbox, tagsOf } from './fixture.mjs';

describe('sandbox DescribeImages', function () {
  this.timeout(60_000);
  /** @type {Awaited<ReturnType<typeof sandbox>>['manifest']} */
  let manifest;
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let client;

  before(async () => {
    ({ manifest } = await sandbox());
    client = ec2(manifest.endpoint);
  });

  /** @param {import('@aws-sdk/client-ec2').DescribeImagesCommandInput} input */
  const describe_ = async (input) => (await client.send(new DescribeImagesCommand(input))).Images ?? [];
  /** @param {import('@aws-sdk/client-ec2').DescribeImagesCommandInput} input */
  const ids = async (input) => (await describe_(input)).map((i) => i.ImageId).sort();
  /** @param {(string | undefined)[]} list */
  const sorted = (list) => [...list].sort();

  describe('visibility', () => {
    it('lists our images, the public catalog and images shared with us, but not other private images', async () => {
      const all = await describe_({});
      const counts = manifest.counts['us-east-1'];
      assert.equal(all.length, counts.ownedDefaultView + counts.publicCatalogDefaultView + counts.sharedWithMe);
      const found = new Set(all.map((i) => i.ImageId));
      assert.ok(found.has(manifest.images.sharedWithMe));
      assert.ok(found.has(manifest.images.al2023Latest));
      assert.ok(!found.has(manifest.images.partnerNotShared), 'a private image shared with another account leaked');
    });

    it('Owners=self lists exactly our images, oldest deprecated one included', async () => {
      const ours = await describe_({ Owners: ['self'] });
      assert.equal(ours.length, manifest.counts['us-east-1'].ownedDefaultView);
      assert.ok(ours.every((i) => i.OwnerId === ACCOUNTS.ours));
      const deprecated = ours.find((i) => i.ImageId === manifest.images.deprecated);
      assert.equal(deprecated?.DeprecationTime, '2026-01-01T00:00:00.000Z');
    });

    it('ExecutableUsers=self lists only images other accounts shared with us, without their tags', async () => {
      const shared = await describe_({ ExecutableUsers: ['self'] });
      assert.deepEqual(shared.map((i) => i.ImageId), [manifest.images.sharedWithMe]);
      assert.equal(shared[0].OwnerId, ACCOUNTS.partner);
      assert.deepEqual(tagsOf(shared[0]), {}, "EC2 never shows the owner's tags to other accounts");
    });

    it('ExecutableUsers=all lists public images only', async () => {
      const pub = await describe_({ ExecutableUsers: ['all'] });
      assert.equal(pub.length, manifest.counts['us-east-1'].publicCatalogDefaultView + 1);
      assert.ok(pub.every((i) => i.Public === true));
      assert.ok(pub.some((i) => i.ImageId === manifest.images.publicOwned));
    });

    it('Owners=amazon uses the owner alias; Canonical has none', async () => {
      const amazon = await describe_({ Owners: ['amazon'] });
      assert.equal(amazon.length, 8, 'six current Amazon Linux 2023 and two Windows Server images');
      assert.ok(amazon.every((i) => i.ImageOwnerAlias === 'amazon'));
      const canonical = await describe_({ Owners: [ACCOUNTS.canonical] });
      assert.equal(canonical.length, 4);
      assert.ok(canonical.every((i) => i.ImageOwnerAlias === undefined));
    });

    it('rejects a malformed owner', async () => {
      await rejectsWithCode(client.send(new DescribeImagesCommand({ Owners: ['someone'] })), 'InvalidUserID.Malformed');
    });

    it("hides other accounts' deprecated images unless IncludeDeprecated or asked for by id", async () => {
      const old = manifest.images.al2023Deprecated;
      assert.ok(!(await ids({ Owners: ['amazon'] })).includes(old));
      assert.ok((await ids({ Owners: ['amazon'], IncludeDeprecated: true })).includes(old));
      const byId = await describe_({ ImageIds: [old] });
      assert.equal(byId[0]?.DeprecationTime, '2025-11-13T21:10:00.000Z');
    });

    it('hides disabled images unless IncludeDisabled', async () => {
      const disabled = manifest.images.petTrackerDisabled;
      assert.ok(!(await ids({ Owners: ['self'] })).includes(disabled));
      assert.deepEqual(await ids({ ImageIds: [disabled] }), []);
      const [image] = await describe_({ ImageIds: [disabled], IncludeDisabled: true });
      assert.equal(image.State, 'disabled');
    });
  });

  describe('strict image ids', () => {
    it('fails with InvalidAMIID.NotFound for an unknown well-formed id', async () => {
      await rejectsWithCode(
        client.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
        'InvalidAMIID.NotFound',
        /The image id '\[ami-0123456789abcdef0\]' does not exist/,
      );
    });

    it('fails the whole call when any id is unknown, naming only the unknown ones', async () => {
      const error = await rejectsWithCode(
        client.send(new DescribeImagesCommand({ ImageIds: [manifest.images.petTrackerLatest, 'ami-0123456789abcdef0', 'ami-12345678'] })),
        'InvalidAMIID.NotFound',
      );
      assert.match(error.message, /ami-0123456789abcdef0, ami-12345678/);
      assert.doesNotMatch(error.message, new RegExp(manifest.images.petTrackerLatest));
    });

    it('fails with InvalidAMIID.Malformed for a malformed id', async () => {
      for (const bad of ['ami-xyz', 'ami-123', 'i-0123456789abcdef0', 'ami-0123456789ABCDEF0']) {
        await rejectsWithCode(client.send(new DescribeImagesCommand({ ImageIds: [bad] })), 'InvalidAMIID.Malformed', new RegExp(bad));
      }
    });

    it('the image-id filter just returns what exists', async () => {
      const found = await ids({ Filters: [{ Name: 'image-id', Values: [manifest.images.petTrackerLatest, manifest.images.billingLatest, 'ami-0123456789abcdef0'] }] });
      assert.deepEqual(found, sorted([manifest.images.petTrackerLatest, manifest.images.billingLatest]));
    });

    it('combines ImageIds with filters', async () => {
      const found = await ids({
        ImageIds: [manifest.images.petTrackerLatest, manifest.images.billingLatest],
        Filters: [{ Name: 'architecture', Values: ['arm64'] }],
      });
      assert.deepEqual(found, [manifest.images.billingLatest]);
    });
  });

  describe('filters', () => {
    /** @param {string} Name @param {string[]} Values */
    const own = (Name, Values) => describe_({ Owners: ['self'], Filters: [{ Name, Values }] });

    it('platform-details, with Windows billing fields', async () => {
      const windows = await own('platform-details', ['Windows']);
      assert.deepEqual(windows.map((i) => i.ImageId), [manifest.images.windowsOwned]);
      assert.equal(windows[0].Platform, 'windows');
      assert.equal(windows[0].UsageOperation, 'RunInstances:0002');
      const linux = await own('platform-details', ['Linux/UNIX']);
      assert.equal(linux.length, manifest.counts['us-east-1'].ownedDefaultView - 1);
      assert.ok(linux.every((i) => i.Platform === undefined && i.UsageOperation === 'RunInstances'));
      const catalogWindows = await describe_({ Owners: ['amazon'], Filters: [{ Name: 'platform', Values: ['windows'] }] });
      assert.equal(catalogWindows.length, 2);
    });

    it('state, including disabled', async () => {
      assert.equal((await own('state', ['available'])).length, manifest.counts['us-east-1'].ownedDefaultView);
      assert.deepEqual(await own('state', ['disabled']), []);
      const disabled = await describe_({ Owners: ['self'], IncludeDisabled: true, Filters: [{ Name: 'state', Values: ['disabled'] }] });
      assert.deepEqual(disabled.map((i) => i.ImageId), [manifest.images.petTrackerDisabled]);
    });

    it('architecture', async () => {
      const arm = await own('architecture', ['arm64']);
      assert.equal(arm.length, 4);
      assert.ok(arm.every((i) => i.Name?.startsWith('billing-api-')));
      const both = await own('architecture', ['arm64', 'x86_64']);
      assert.equal(both.length, manifest.counts['us-east-1'].ownedDefaultView);
    });

    it('name with * and ? wildcards', async () => {
      assert.deepEqual(sorted((await own('name', ['pettracker-ml-v1.*'])).map((i) => i.Name)), ['pettracker-ml-v1.0', 'pettracker-ml-v1.1', 'pettracker-ml-v1.2']);
      assert.equal((await own('name', ['batch-worker-0?0'])).length, 9);
      assert.equal((await own('name', ['batch-worker'])).length, 0, 'without a wildcard the name must match whole');
      const al = await describe_({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: ['al2023-ami-2023.*-kernel-6.1-x86_64'] }] });
      assert.equal(al.length, 3);
    });

    it('one filter mixes exact values and wildcards; a backslash makes a wildcard literal', async () => {
      assert.equal((await own('name', ['pettracker-ml-v1.0', 'batch-worker-00?'])).length, 10);
      assert.deepEqual(await own('name', ['pettracker-ml-v1.\\*']), [], 'an escaped * is a star, which no name has');
      const imageIds = [manifest.images.petTrackerLatest, 'ami-0123456789abcdef0'];
      assert.deepEqual((await describe_({ Filters: [{ Name: 'image-id', Values: imageIds }] })).map((i) => i.ImageId), [manifest.images.petTrackerLatest]);
    });

    it('tag:KEY with several values (OR) and tag-key', async () => {
      assert.equal((await own('tag:Project', ['PetTracker'])).length, 3);
      assert.equal((await own('tag:Project', ['PetTracker', 'Billing'])).length, 7);
      assert.equal((await own('tag:Project', ['Pet*'])).length, 3);
      const latest = await own('tag-key', ['Latest']);
      assert.deepEqual(sorted(latest.map((i) => i.ImageId)), sorted([manifest.images.petTrackerLatest, manifest.images.billingLatest, manifest.images.batchLatest]));
      assert.equal((await describe_({ Filters: [{ Name: 'tag:Project', Values: ['Hardening'] }] })).length, 0, "the partner's tags are not ours");
    });

    it('is-public, owner-alias and owner-id', async () => {
      assert.deepEqual((await own('is-public', ['true'])).map((i) => i.ImageId), [manifest.images.publicOwned]);
      assert.equal((await own('is-public', ['false'])).length, manifest.counts['us-east-1'].ownedDefaultView - 1);
      assert.equal((await describe_({ Filters: [{ Name: 'owner-alias', Values: ['amazon'] }] })).length, 8);
      assert.equal((await describe_({ Filters: [{ Name: 'owner-id', Values: [ACCOUNTS.canonical] }] })).length, 4);
    });

    it('several filters are ANDed', async () => {
      const found = await describe_({
        Owners: ['self'],
        Filters: [
          { Name: 'tag:Project', Values: ['Billing'] },
          { Name: 'name', Values: ['*2026*'] },
        ],
      });
      assert.equal(found.length, 3);
    });

    it('rejects a filter EC2 does not have', async () => {
      await rejectsWithCode(client.send(new DescribeImagesCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })), 'InvalidParameterValue', /colour/);
    });
  });

  describe('paging and fields', () => {
    it('pages with MaxResults / NextToken', async () => {
      /** @type {number[]} */
      const pages = [];
      const seen = new Set();
      for await (const page of paginateDescribeImages({ client, pageSize: 50 }, { Owners: ['self'] })) {
        pages.push(page.Images?.length ?? 0);
        for (const image of page.Images ?? []) seen.add(image.ImageId);
      }
      assert.deepEqual(pages, [50, 50, manifest.counts['us-east-1'].ownedDefaultView - 100]);
      assert.equal(seen.size, manifest.counts['us-east-1'].ownedDefaultView);
      const first = await client.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 5 }));
      assert.ok(first.NextToken);
      await rejectsWithCode(client.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 5, NextToken: 'bogus' })), 'InvalidPaginationToken');
    });

    it('reports the image fields the extension shows', async () => {
      const [image] = await describe_({ ImageIds: [manifest.images.billingLatest] });
      assert.equal(image.Name, 'billing-api-2026.10.01');
      assert.equal(image.Architecture, 'arm64');
      assert.equal(image.CreationDate, '2026-10-01T06:00:00.000Z');
      assert.equal(image.RootDeviceType, 'ebs');
      assert.equal(image.VirtualizationType, 'hvm');
      assert.equal(image.PlatformDetails, 'Linux/UNIX');
      assert.equal(image.ImageLocation, `${ACCOUNTS.ours}/billing-api-2026.10.01`);
      assert.equal(image.Public, false);
      assert.match(image.BlockDeviceMappings?.[0].Ebs?.SnapshotId ?? '', /^snap-/);
      assert.equal(image.BlockDeviceMappings?.[0].Ebs?.VolumeType, 'gp3');
      assert.deepEqual(tagsOf(image), { Project: 'Billing', Version: '2026.10.01', Latest: 'true' });

      const [baked] = await describe_({ ImageIds: [manifest.images.petTrackerLatest] });
      assert.equal(baked.SourceInstanceId, manifest.instances.imageBuilder);
      assert.equal(baked.DeprecationTime, undefined);
      const [announced] = await describe_({ ImageIds: [manifest.images.petTrackerV10] });
      assert.equal(announced.DeprecationTime, '2027-03-01T00:00:00.000Z');
    });

    it('a copied image records its source and keeps its tags', async () => {
      const eu = ec2(manifest.endpoint, 'eu-west-1');
      const { Images = [] } = await eu.send(new DescribeImagesCommand({ ImageIds: [manifest.images.petTrackerLatestEu] }));
      assert.equal(Images[0].SourceImageId, manifest.images.petTrackerLatest);
      assert.equal(Images[0].SourceImageRegion, 'us-east-1');
      assert.equal(tagsOf(Images[0]).Project, 'PetTracker');
    });
  });
});
