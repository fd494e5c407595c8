import * as assert from 'node:assert/strict';
import { DisableImageCommand, type Image } from '@aws-sdk/client-ec2';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { must } from '../must';
import { ec2, tag } from './ec2';
import { createKmsAlias, image, imagesNamed, ownedImageIds, registerImage } from './ec2Sharing';
import * as vscode from 'vscode';
import { extensionApi, publicApi, ownedScope, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { waitForSelection } from './treeSelection';
import { wizardScripts } from './wizardScript';

const source = 'us-west-2';
const targets = ['eu-central-1', 'us-east-2'];

function copy(arg: Record<string, unknown>): Promise<Record<string, string>> {
  return publicApi().then((a) => a.copyImage(arg as never));
}

type ImageNodeLike = ExplorerNode & { imageId: string };
// The suite is bundled apart from the extension, so its node classes are not the view's: test by shape.
const isImageNode = (n: unknown): n is ImageNodeLike => typeof (n as { imageId?: unknown }).imageId === 'string';

describe('copy image to regions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  let src: Image;
  restoreSettingAfter('regions');

  before(async () => {
    api = await extensionApi();
    await setting('regions', ['us-east-1', source, ...targets]);
    src = await registerImage(source, 'copy-source', { tags: { Project: 'CopyTest', Team: 'platform' }, description: 'golden base' });
  });

  it('copies to each target region with the given name and the tags, leaves the source untouched, and the view shows the copies', async () => {
    const name = `${src.Name}-copy`;
    const result = await copy({ imageId: src.ImageId, region: source, targetRegions: targets, name, copyTags: true });
    assert.deepEqual(Object.keys(result).sort(), [...targets].sort());
    for (const region of targets) {
      const copied = await image(region, must(result[region], `the copy in ${region}`));
      assert.equal(copied.Name, name);
      assert.equal(copied.Description, 'golden base', 'the description defaults to the source\'s');
      assert.equal(copied.State, 'available');
      assert.equal(copied.SourceImageId, src.ImageId);
      assert.equal(copied.SourceImageRegion, source);
      assert.equal(tag(copied, 'Project'), 'CopyTest');
      assert.equal(tag(copied, 'Team'), 'platform');
      assert.equal(copied.BlockDeviceMappings?.[0]?.Ebs?.Encrypted, false);
      const owned = await ownedScope(api, region);
      assert.ok(owned.images.some((i) => i.id === result[region]), `the Images view lists ${result[region]} under ${region} › Owned by me`);
    }
    const after = await image(source, src.ImageId!);
    assert.deepEqual({ ...after, Tags: after.Tags }, { ...src, Tags: src.Tags }, 'the source is unchanged');
    const copies = Object.values(result);
    await waitForSelection(api.images.view, (selection) => selection.some((n) => isImageNode(n) && copies.includes(n.imageId)),
      'a copy is selected in the Images view');
  });

  it('keeps the source\'s name, drops the tags unless asked, and encrypts with the default EBS key', async () => {
    const result = await copy({ imageId: src.ImageId, region: source, targetRegions: ['us-east-2'], encrypted: true });
    const copied = await image('us-east-2', must(result['us-east-2'], 'the copy in us-east-2'));
    assert.equal(copied.Name, src.Name);
    assert.equal(copied.Tags?.length ?? 0, 0, 'no tags without copyTags');
    assert.equal(copied.BlockDeviceMappings?.[0]?.Ebs?.Encrypted, true);
    assert.match(copied.BlockDeviceMappings?.[0]?.Ebs?.KmsKeyId ?? '', /^arn:aws:kms:us-east-2:/);
  });

  it('encrypts with the KMS key an alias names in the target region', async () => {
    const alias = `alias/copy-test-${Date.now()}`;
    const keyArn = await createKmsAlias('eu-central-1', alias);
    const result = await copy({ imageId: src.ImageId, region: source, targetRegions: ['eu-central-1'], name: `${src.Name}-kms`, kmsKeyId: alias });
    const copied = await image('eu-central-1', must(result['eu-central-1'], 'the copy in eu-central-1'));
    assert.equal(copied.BlockDeviceMappings?.[0]?.Ebs?.Encrypted, true);
    assert.equal(copied.BlockDeviceMappings?.[0]?.Ebs?.KmsKeyId, keyArn);
  });

  describe('the wizard', () => {
    const script = wizardScripts(() => api);
    const startCopy = () => script().run(() => vscode.commands.executeCommand('amiExplorer.copyImage', { imageId: src.ImageId, region: source }));

    it('asks in numbered steps, one KMS key step per target region, and copies as answered', async () => {
      const ui = script();
      const alias = `alias/copy-wizard-${Date.now()}`;
      const keyArn = await createKmsAlias('eu-central-1', alias);
      const name = `${src.Name}-wizard`;
      const { summary, result } = await answerSummary(api, async () => {
        const running = startCopy();
        const regions = await ui.next('Copy image: target regions');
        assert.equal(regions.numbers, '1/5');
        assert.equal(regions.canGoBack, false, 'the first step has no Back');
        assert.ok(!regions.items().some((i) => i.startsWith(source)), 'the source region is not a target');
        await regions.pick('eu-central-1');
        const named = await ui.next('Copy image: name of the copies');
        assert.equal(named.numbers, '2/5');
        assert.ok(named.canGoBack);
        assert.equal(named.value, src.Name, 'the source\'s name is suggested');
        await named.enter(name);
        const described = await ui.next('Copy image: description');
        assert.equal(described.value, 'golden base');
        await described.accept();
        const encryption = await ui.next('Copy image: encryption');
        assert.equal(encryption.numbers, '4/5');
        await encryption.pick('Encrypt with a KMS key…');
        const key = await ui.next('Copy image: KMS key for the copy in eu-central-1');
        assert.equal(key.numbers, '5/6', 'choosing keys adds a step per target region');
        await key.pick(alias);
        const tags = await ui.next('Copy image: tags');
        assert.equal(tags.numbers, '6/6');
        await tags.pick('Copy the tags');
        return running;
      }, 'accept');
      script().assertNoMoreSteps();
      assert.match(summary.title, /Review: Copy copy-source/);
      assert.deepEqual(Object.keys(result as object), ['eu-central-1']);
      const copied = await image('eu-central-1', (result as Record<string, string>)['eu-central-1'] ?? '');
      assert.equal(copied.Name, name);
      assert.equal(copied.BlockDeviceMappings?.[0]?.Ebs?.KmsKeyId, keyArn);
      assert.equal(tag(copied, 'Team'), 'platform');
    });

    it('Back returns to the step before showing its answer; the changed answers are the ones used', async () => {
      const ui = script();
      const name = `${src.Name}-back`;
      const { result } = await answerSummary(api, async () => {
        const running = startCopy();
        await (await ui.next('Copy image: target regions')).pick('us-east-2');
        await (await ui.next('Copy image: name of the copies')).enter(`${src.Name}-first-try`);
        await (await ui.next('Copy image: description')).back();
        const named = await ui.next('Copy image: name of the copies');
        assert.equal(named.value, `${src.Name}-first-try`, 'the name given before');
        assert.equal(named.numbers, '2/5');
        await named.back();
        const regions = await ui.next('Copy image: target regions');
        assert.deepEqual(regions.selected(), ['us-east-2'], 'the regions picked before');
        await regions.pick('eu-central-1');
        await (await ui.next('Copy image: name of the copies')).enter(name);
        await (await ui.next('Copy image: description')).enter('second try');
        await (await ui.next('Copy image: encryption')).pick('Encrypt with a KMS key…');
        const key = await ui.next('Copy image: KMS key for the copy in eu-central-1');
        assert.equal(key.numbers, '5/6');
        await key.back();
        const encryption = await ui.next('Copy image: encryption');
        assert.equal(encryption.numbers, '4/5', 'the KMS step is gone with the answer that added it');
        await encryption.pick('Encrypt with the default EBS key');
        const tags = await ui.next('Copy image: tags');
        assert.equal(tags.numbers, '5/5');
        await tags.pick('No tags on the copies');
        return running;
      }, 'accept');
      assert.deepEqual(Object.keys(result as object), ['eu-central-1'], 'copied to the region picked after going back only');
      const copied = await image('eu-central-1', (result as Record<string, string>)['eu-central-1'] ?? '');
      assert.equal(copied.Name, name);
      assert.equal(copied.Description, 'second try');
      assert.equal(copied.BlockDeviceMappings?.[0]?.Ebs?.Encrypted, true);
      assert.match(copied.BlockDeviceMappings?.[0]?.Ebs?.KmsKeyId ?? '', /^arn:aws:kms:eu-central-1:/);
      assert.equal(copied.Tags?.length ?? 0, 0);
      assert.deepEqual(await imagesNamed('us-east-2', name), [], 'nothing copied to the region dropped by going back');
    });

    it('Back from the summary returns to the last step with its answer; the new answer gets a new summary', async () => {
      const ui = script();
      const name = `${src.Name}-reviewed`;
      const running = startCopy();
      await (await ui.next('Copy image: target regions')).pick('eu-central-1');
      await (await ui.next('Copy image: name of the copies')).enter(name);
      await (await ui.next('Copy image: description')).accept();
      await (await ui.next('Copy image: encryption')).pick('Not encrypted');
      await (await ui.next('Copy image: tags')).pick('Copy the tags');
      const first = await ui.summary();
      assert.match(first.text, /Tags: the source's 2 tags/);
      await first.back();
      const tags = await ui.next('Copy image: tags');
      assert.equal(tags.numbers, '5/5');
      await tags.pick('No tags on the copies');
      const second = await ui.summary();
      assert.match(second.text, /Tags: none/);
      await second.accept();
      const result = await running as Record<string, string>;
      const copied = await image('eu-central-1', result['eu-central-1'] ?? '');
      assert.equal(copied.Name, name);
      assert.equal(copied.Tags?.length ?? 0, 0, 'copied as the second summary said');
    });

    it('Escape at any step copies nothing', async () => {
      const ui = script();
      const before = await ownedImageIds('eu-central-1');
      const running = startCopy();
      await (await ui.next('Copy image: target regions')).pick('eu-central-1');
      await (await ui.next('Copy image: name of the copies')).cancel();
      assert.equal(await running, undefined);
      assert.deepEqual(await ownedImageIds('eu-central-1'), before);
    });
  });

  describe('bad inputs are refused and copy nothing', () => {
    let before: Record<string, string[]>;
    beforeEach(async () => {
      before = Object.fromEntries(await Promise.all([source, ...targets].map(async (r) => [r, await ownedImageIds(r)] as const)));
    });
    afterEach(async () => {
      for (const region of [source, ...targets]) {
        assert.deepEqual(await ownedImageIds(region), before[region], `no image was created in ${region}`);
      }
    });

    it('a target equal to the source region', async () => {
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: [source] }), /target region must differ from the source region/);
    });

    it('an empty target list', async () => {
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: [] }), /At least one target region is required/);
    });

    it('a region EC2 does not have, and a malformed one', async () => {
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: ['eu-central-1', 'xx-nowhere-1'] }), /xx-nowhere-1 is not an AWS region this account knows/);
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: ['Frankfurt'] }), /"Frankfurt" is not an AWS region name/);
    });

    it('an image that is not available', async () => {
      const disabled = await registerImage(source, 'copy-disabled');
      await ec2(source).send(new DisableImageCommand({ ImageId: disabled.ImageId }));
      before[source] = await ownedImageIds(source);
      await assert.rejects(copy({ imageId: disabled.ImageId, region: source, targetRegions: targets }), /is disabled, not available: only available images can be copied\. Enable it first with "Enable Image" \(amiExplorer\.enableImage\)\./);
    });

    it('a name that exists in one target region: no region is copied to', async () => {
      const taken = await registerImage('us-east-2', 'copy-taken');
      before['us-east-2'] = await ownedImageIds('us-east-2');
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: targets, name: taken.Name }),
        new RegExp(`an image named "${taken.Name}" already exists in us-east-2`));
      assert.equal((await imagesNamed('eu-central-1', taken.Name!)).length, 0);
    });

    it('a KMS key that does not exist in a target region', async () => {
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: targets, name: `${src.Name}-nokey`, kmsKeyId: 'alias/no-such-key' }),
        /the KMS key alias\/no-such-key does not exist in eu-central-1.*does not exist in us-east-2/);
    });

    it('unknown options and wrong types', async () => {
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: targets, copytags: true }), /Unknown option "copytags"/);
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: targets, encrypted: 'yes' }), /"encrypted" must be true or false/);
      await assert.rejects(copy({ imageId: src.ImageId, region: source, targetRegions: targets, name: 'x' }), /not a valid image name/);
    });
  });
});
