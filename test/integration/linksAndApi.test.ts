// The two doors onto every action: a command (palette, tree, keybinding, or a link with an object) never changes
// EC2 before the person accepts a summary naming the account, the profile and the regions; the API does as asked.
import * as assert from 'node:assert/strict';
import { TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api/amiExplorerApi';
import { extensionApi, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { wizardScripts } from './wizardScript';
import { ec2, registerTestImage, tag } from './ec2';
import { liveInstances, runTestInstance } from './ec2Instances';
import { image, imagesNamed, launchPermissionsOf, volumePermissionsOf } from './ec2Sharing';

const region = 'sa-east-1';
const copyTarget = 'ap-northeast-1';
const partner = '444455556666';

describe('Actions: links and commands ask; the API does', () => {
  let api: TestingApi;
  let doors: AmiExplorerApi;
  let account: string;
  restoreSettingAfter('regions');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    doors = await publicApi();
    account = (await api.aws.accountId())!;
    assert.match(account, /^\d{12}$/);
    await setting('regions', ['us-east-1', region]);
  });

  /** Runs the command with `input` as a link would, checks the summary names who and where, and answers it. */
  async function viaLink(command: string, input: Record<string, unknown>, answer: 'accept' | 'cancel', regions: readonly string[]) {
    const { summary, result } = await answerSummary(api, () => vscode.commands.executeCommand(command, input), answer);
    const text = [summary.title, summary.placeholder, ...summary.items].join('\n');
    assert.match(text, new RegExp(`Account: ${account}`), 'names the account');
    assert.match(text, /Profile: \(default credential chain\)/, 'names the profile');
    for (const r of regions) {
      assert.ok(text.includes(r), `names ${r}`);
    }
    return { text, result };
  }

  it('launch: a link with 2 × t3.micro launches nothing until the summary is accepted; the API launches', async () => {
    const { imageId } = await registerTestImage({ region, prefix: 'doors-launch' });
    const input = { imageId, region, instanceType: 't3.micro', count: 2, name: 'doors-launch' };
    const before = (await liveInstances(region)).length;
    const { text, result } = await viaLink('amiExplorer.launchInstance', input, 'cancel', [region]);
    assert.match(text, /Instances: 2 × t3\.micro/);
    assert.match(text, /Image owner: \d{12}/);
    assert.equal(result, undefined);
    assert.equal((await liveInstances(region)).length, before, 'nothing launched');

    const ids = await doors.launchInstance(input);
    assert.equal(ids.length, 2);
    assert.equal((await liveInstances(region)).length, before + 2);
  });

  it('copy: a link copies nothing when the summary is cancelled, and copies once it is accepted', async () => {
    const source = await registerTestImage({ region, prefix: 'doors-copy' });
    const input = { imageId: source.imageId, region, targetRegions: [copyTarget], name: `${source.name}-copy` };
    const { text } = await viaLink('amiExplorer.copyImage', input, 'cancel', [region, copyTarget]);
    assert.match(text, /Creates a new image named ".*-copy" in ap-northeast-1/);
    assert.deepEqual(await imagesNamed(copyTarget, input.name), [], 'no copy');

    const { result } = await viaLink('amiExplorer.copyImage', input, 'accept', [region, copyTarget]);
    const [copy] = await imagesNamed(copyTarget, input.name);
    assert.ok(copy, 'the copy exists once the summary was accepted');
    assert.deepEqual(result, { [copyTarget]: copy.ImageId });
  });

  it('share: `confirmed: true` in a link does not skip the summary; the API shares the snapshots only when confirmed', async () => {
    const img = await registerTestImage({ region, prefix: 'doors-share' });
    const input = { imageId: img.imageId, region, addAccounts: [partner], shareSnapshots: true, confirmed: true };
    const { text } = await viaLink('amiExplorer.shareImage', input, 'cancel', [region]);
    assert.match(text, new RegExp(`Lets ${partner} create volumes from its snapshots \\(${img.snapshotId}\\)`));
    assert.deepEqual(await launchPermissionsOf(region, img.imageId), []);

    await assert.rejects(doors.shareImage({ ...input, confirmed: undefined }), /lets 444455556666 copy its disks: pass "confirmed": true/);
    await assert.rejects(doors.shareImage({ imageId: img.imageId, region, public: true }), /every AWS account launch it.*pass "confirmed": true/);
    assert.deepEqual(await launchPermissionsOf(region, img.imageId), [], 'nothing shared by the refused calls');

    const after = await doors.shareImage(input);
    assert.deepEqual(after.accounts, [partner]);
    assert.deepEqual(await volumePermissionsOf(region, img.snapshotId), [partner]);
  });

  it('create image: a link creates nothing until the summary is accepted', async () => {
    const base = await registerTestImage({ region, prefix: 'doors-base' });
    const instanceId = await runTestInstance(region, base.imageId, { Name: 'doors-web' });
    const name = `doors-baked-${Date.now()}`;
    const input = { instanceId, region, name, noReboot: true };
    const { text } = await viaLink('amiExplorer.createImage', input, 'cancel', [region]);
    assert.match(text, /No reboot/);
    assert.deepEqual(await imagesNamed(region, name), []);

    const { result } = await viaLink('amiExplorer.createImage', input, 'accept', [region]);
    const [made] = await imagesNamed(region, name);
    assert.equal(result, made?.ImageId);
  });

  it('tags and deprecation: a link changes nothing until accepted; the API changes what it is asked', async () => {
    const img = await registerTestImage({ region, prefix: 'doors-tags', tags: { Project: 'Doors' } });
    const tags = { imageId: img.imageId, region, set: { Stage: 'retired' } };
    const { text } = await viaLink('amiExplorer.editTags', tags, 'cancel', [region]);
    assert.match(text, /Tag \+ Stage = retired/);
    assert.equal(tag(await image(region, img.imageId), 'Stage'), undefined);
    assert.deepEqual(await doors.editTags(tags), { Project: 'Doors', Stage: 'retired' });

    const when = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const deprecate = { imageId: img.imageId, region, deprecateAt: when };
    await viaLink('amiExplorer.deprecateImage', deprecate, 'cancel', [region]);
    assert.equal((await image(region, img.imageId)).DeprecationTime, undefined);
    await viaLink('amiExplorer.deprecateImage', deprecate, 'accept', [region]);
    assert.ok((await image(region, img.imageId)).DeprecationTime?.startsWith(when));
  });

  it('deregister: a link with deleteSnapshots and confirmed still shows the summary; cancelled, the image and snapshot stay', async () => {
    const img = await registerTestImage({ region, prefix: 'doors-retire' });
    const input = { imageId: img.imageId, region, deleteSnapshots: true, confirmed: true };
    const { text } = await viaLink('amiExplorer.deregisterImage', input, 'cancel', [region]);
    assert.match(text, new RegExp(`Deletes for good the snapshots ${img.snapshotId}`));
    assert.ok(await image(region, img.imageId), 'still registered');

    const result = await doors.deregisterImage({ ...input, confirmed: true });
    assert.deepEqual(result.deregistered, [img.imageId]);
    assert.deepEqual(result.deletedSnapshots, [img.snapshotId]);
  });

  it('findImages finds owned images by name, tag and id prefix across regions, newest first', async () => {
    const a = await registerTestImage({ region, prefix: 'doors-find', tags: { Project: 'FindMe' } });
    const b = await registerTestImage({ region: 'us-east-1', prefix: 'doors-find', tags: { Project: 'FindMe' } });
    const byTag = await doors.findImages({ tags: { Project: 'FindMe' }, regions: [region, 'us-east-1'] });
    assert.deepEqual(byTag.map((f) => f.imageId).sort(), [a.imageId, b.imageId].sort());
    assert.deepEqual(byTag.find((f) => f.imageId === a.imageId), { imageId: a.imageId, region, name: a.name, state: 'available' });
    const byName = await doors.findImages({ namePattern: a.name, regions: [region] });
    assert.deepEqual(byName.map((f) => f.imageId), [a.imageId]);
    const byPrefix = await doors.findImages({ idPrefix: a.imageId.slice(0, 12), tags: { Project: 'FindMe' }, regions: [region, 'us-east-1'] });
    assert.ok(byPrefix.every((f) => f.imageId.startsWith(a.imageId.slice(0, 12))) && byPrefix.some((f) => f.imageId === a.imageId));
    await assert.rejects(doors.findImages({}), /at least one of "namePattern"/);
  });

  it('Find images from the palette: name or id, then tags, as numbered steps; an empty search is refused; the matches follow', async () => {
    const wanted = await registerTestImage({ region, prefix: 'doors-find-wizard', tags: { Project: 'FindWizard' } });
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.findImages'));
    const name = await ui.next('Find images: name or id');
    assert.equal(name.numbers, '1/2');
    await name.accept();
    const tags = await ui.next('Find images: tags');
    assert.equal(tags.numbers, '2/2');
    await tags.accept();
    const refused = await ui.next('Find images: tags');
    assert.match(refused.validationMessage ?? '', /a search never lists everything/);
    await refused.back();
    await (await ui.next('Find images: name or id')).enter(wanted.name);
    await (await ui.next('Find images: tags')).enter('Project=FindWizard');
    const results = await ui.next(/^Find images: /);
    assert.deepEqual(await results.complete(), [`${wanted.name} — ${wanted.imageId} · ${region} · available`]);
    assert.equal(results.currentTitle, 'Find images: 1 image found');
    await results.cancel();
    assert.deepEqual(await running, [{ imageId: wanted.imageId, region, name: wanted.name, state: 'available' }]);
  });

  it('every API method rejects an unknown option, naming the one meant, and changes nothing', async () => {
    const img = await registerTestImage({ region, prefix: 'doors-typo', tags: { Project: 'Doors' } });
    const instanceId = await runTestInstance(region, img.imageId, { Name: 'doors-typo' });
    const target = { imageId: img.imageId, region };
    const calls: [string, () => Promise<unknown>, RegExp][] = [
      ['deregisterImage', () => doors.deregisterImage({ ...target, deleteSnapshot: true, confirmed: true } as never), /Unknown option "deleteSnapshot": did you mean "deleteSnapshots"\?/],
      ['copyImage', () => doors.copyImage({ ...target, targetRegions: [copyTarget], copytags: true } as never), /Unknown option "copytags": did you mean "copyTags"\?/],
      ['shareImage', () => doors.shareImage({ ...target, addAccount: [partner] } as never), /Unknown option "addAccount": did you mean "addAccounts"\?/],
      ['launchInstance', () => doors.launchInstance({ ...target, instanceType: 't3.micro', counts: 2 } as never), /Unknown option "counts": did you mean "count"\?/],
      ['createImage', () => doors.createImage({ instanceId, region, name: 'doors-typo-bake', noreboot: true } as never), /Unknown option "noreboot": did you mean "noReboot"\?/],
      ['editTags', () => doors.editTags({ ...target, sets: { A: 'b' } } as never), /Unknown option "sets": did you mean "set"\?/],
      ['deprecateImage', () => doors.deprecateImage({ ...target, deprecateOn: '2027-01-01' } as never), /Unknown option "deprecateOn": did you mean "deprecateAt"\?/],
    ];
    const instancesBefore = (await liveInstances(region)).length;
    for (const [name, call, message] of calls) {
      await assert.rejects(call(), message, name);
    }
    const now = await image(region, img.imageId);
    assert.equal(now.State, 'available');
    assert.equal(now.DeprecationTime, undefined);
    assert.deepEqual(now.Tags, [{ Key: 'Project', Value: 'Doors' }]);
    assert.deepEqual(await launchPermissionsOf(region, img.imageId), []);
    assert.deepEqual(await imagesNamed(region, 'doors-typo-bake'), []);
    assert.equal((await liveInstances(region)).length, instancesBefore);
    await ec2(region).send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
  });
});
