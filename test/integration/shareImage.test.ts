import * as assert from 'node:assert/strict';
import {
  DescribeImagesCommand, DisableImageBlockPublicAccessCommand, DisableImageCommand, EnableImageBlockPublicAccessCommand, type Image,
} from '@aws-sdk/client-ec2';
import type { LaunchPermissions } from '../../src/aws/model';
import { ec2 } from './ec2';
import { launchPermissionsOf, registerImage, snapshotOf, volumePermissionsOf } from './ec2Sharing';
import * as vscode from 'vscode';
import { extensionApi, publicApi, ownedScope, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { wizardScripts } from './wizardScript';

const region = 'us-west-2';
const partner = '111122223333';
const other = '444455556666';
const org = 'arn:aws:organizations::123456789012:organization/o-abcde12345';
const ou = 'arn:aws:organizations::123456789012:ou/o-abcde12345/ou-ab12-cdef3456';

function share(arg: Record<string, unknown>): Promise<LaunchPermissions> {
  return publicApi().then((a) => a.shareImage(arg as never));
}

/** The context value of an image's node under us-west-2 › Owned by me (it says "public" for public images). */
async function nodeContext(api: TestingApi, imageId: string): Promise<string> {
  const node = await (await ownedScope(api, region)).nodeFor(imageId);
  assert.ok(node, `${imageId} is listed under ${region} › Owned by me`);
  return String(node.getTreeItem().contextValue);
}

describe('share image', function () {
  this.timeout(60_000);
  let api: TestingApi;
  let img: Image;
  restoreSettingAfter('regions');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    await setting('regions', ['us-east-1', region]);
    img = await registerImage(region, 'share-me', { tags: { Project: 'ShareTest' } });
  });

  it('adds accounts, an organization and an OU, and shares the snapshots with the accounts', async () => {
    const result = await share({ imageId: img.ImageId, region, addAccounts: [partner, other], addOrganizationArns: [org], addOrganizationalUnitArns: [ou], shareSnapshots: true, confirmed: true });
    const truth = await launchPermissionsOf(region, img.ImageId!);
    for (const expected of [{ UserId: partner }, { UserId: other }, { OrganizationArn: org }, { OrganizationalUnitArn: ou }]) {
      assert.ok(truth.some((p) => JSON.stringify(p) === JSON.stringify(expected)), `EC2 lists ${JSON.stringify(expected)}: ${JSON.stringify(truth)}`);
    }
    assert.deepEqual([...result.accounts].sort(), [partner, other].sort());
    assert.deepEqual(result.organizationArns, [org]);
    assert.deepEqual(result.organizationalUnitArns, [ou]);
    assert.equal(result.public, false);
    assert.deepEqual((await volumePermissionsOf(region, snapshotOf(img))).sort(), [partner, other].sort());
  });

  it('the wizard\'s list comes back after each change; Back from the snapshot question returns to it; then shares as answered', async () => {
    const mine = await registerImage(region, 'share-wizard');
    const ui = script();
    const title = `Share image: ${mine.Name} (${mine.ImageId}, ${region})`;
    const { summary } = await answerSummary(api, async () => {
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.shareImage', { imageId: mine.ImageId, region }));
      const list = await ui.next(title);
      assert.equal(list.numbers, '', 'nothing to ask after the list yet');
      assert.ok(list.items().includes('Only you (private)'));
      await list.pick('Add accounts…');
      const accounts = await ui.next('Share image: with accounts');
      assert.equal(accounts.numbers, '2/2');
      await accounts.enter(`${partner}, ${other}`);
      const pending = await ui.next(title);
      assert.equal(pending.numbers, '1/2', 'sharing with accounts adds the snapshot question');
      assert.ok(pending.items().includes(`$(person) ${other} — pending: add (pick to undo)`), pending.items().join(' | '));
      await pending.pick(other);
      await (await ui.next(title)).pick('Apply changes');
      const snapshots = await ui.next(`Share image: snapshots of ${mine.ImageId}`);
      assert.equal(snapshots.numbers, '2/2');
      await snapshots.back();
      const again = await ui.next(title);
      assert.ok(again.items().some((i) => i.startsWith('$(check) Apply changes — add account 111122223333')), again.items().join(' | '));
      await again.pick('Apply changes');
      await (await ui.next(`Share image: snapshots of ${mine.ImageId}`)).pick('Also share its snapshots with the same accounts');
      return running;
    }, 'accept');
    assert.match(summary.items.join('\n'), new RegExp(`Lets ${partner} create volumes from its snapshots`));
    assert.deepEqual((await launchPermissionsOf(region, mine.ImageId!)).map((p) => p.UserId), [partner]);
    assert.deepEqual(await volumePermissionsOf(region, snapshotOf(mine)), [partner]);
  });

  it('removes an account and the organization, and revokes the snapshot permission', async () => {
    const result = await share({ imageId: img.ImageId, region, removeAccounts: [other], removeOrganizationArns: [org], shareSnapshots: true });
    const truth = await launchPermissionsOf(region, img.ImageId!);
    assert.ok(!truth.some((p) => p.UserId === other), 'the removed account is gone');
    assert.ok(!truth.some((p) => p.OrganizationArn === org), 'the removed organization is gone');
    assert.ok(truth.some((p) => p.UserId === partner), 'the other account stays');
    assert.deepEqual(result.accounts, [partner]);
    assert.deepEqual(await volumePermissionsOf(region, snapshotOf(img)), [partner]);
  });

  it('with no change, returns who can launch it now', async () => {
    const result = await share({ imageId: img.ImageId, region });
    assert.deepEqual(result, { public: false, accounts: [partner], organizationArns: [], organizationalUnitArns: [ou] });
  });

  it('makes the image public when block public access is off, and private again; the view follows', async () => {
    const result = await share({ imageId: img.ImageId, region, public: true, confirmed: true });
    assert.equal(result.public, true);
    assert.ok((await launchPermissionsOf(region, img.ImageId!)).some((p) => p.Group === 'all'));
    assert.match(await nodeContext(api, img.ImageId!), /\bpublic\b/);
    const after = await share({ imageId: img.ImageId, region, public: false });
    assert.equal(after.public, false);
    assert.ok(!(await launchPermissionsOf(region, img.ImageId!)).some((p) => p.Group === 'all'));
    assert.doesNotMatch(await nodeContext(api, img.ImageId!), /\bpublic\b/);
  });

  describe('refused, changing nothing', () => {
    let before: string;
    beforeEach(async () => {
      before = JSON.stringify(await launchPermissionsOf(region, img.ImageId!));
    });
    afterEach(async () => {
      assert.equal(JSON.stringify(await launchPermissionsOf(region, img.ImageId!)), before, 'the launch permissions are unchanged');
    });

    it('making it public while block public access is on, saying how to lift it', async () => {
      await ec2(region).send(new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }));
      try {
        await assert.rejects(share({ imageId: img.ImageId, region, public: true, addAccounts: [other], confirmed: true }),
          /Image block public access is on for this account in us-west-2.*aws ec2 disable-image-block-public-access --region us-west-2/);
      } finally {
        await ec2(region).send(new DisableImageBlockPublicAccessCommand({}));
      }
    });

    it('making an encrypted image public', async () => {
      const encrypted = await registerImage(region, 'share-encrypted', { encrypted: true });
      await assert.rejects(share({ imageId: encrypted.ImageId, region, public: true, confirmed: true }), /encrypted snapshots.*cannot make an image with encrypted snapshots public/);
      assert.deepEqual(await launchPermissionsOf(region, encrypted.ImageId!), []);
    });

    it('a malformed account id', async () => {
      await assert.rejects(share({ imageId: img.ImageId, region, addAccounts: [other, '12345'] }), /"12345" is not an AWS account id: expected 12 digits/);
    });

    it('a malformed organization ARN, and an account both added and removed', async () => {
      await assert.rejects(share({ imageId: img.ImageId, region, addOrganizationArns: ['o-abcde12345'] }), /"o-abcde12345" is not an organization ARN/);
      await assert.rejects(share({ imageId: img.ImageId, region, addAccounts: [other], removeAccounts: [other] }), /444455556666 is both added and removed/);
    });

    it('an unknown region and a malformed one', async () => {
      await assert.rejects(share({ imageId: img.ImageId, region: 'xx-nowhere-1', addAccounts: [other] }), /xx-nowhere-1 is not an AWS region this account knows/);
      await assert.rejects(share({ imageId: img.ImageId, region: 'Oregon', addAccounts: [other] }), /"Oregon" is not an AWS region name/);
    });

    it('an image that is not available', async () => {
      const disabled = await registerImage(region, 'share-disabled');
      await ec2(region).send(new DisableImageCommand({ ImageId: disabled.ImageId }));
      await assert.rejects(share({ imageId: disabled.ImageId, region, addAccounts: [other] }), /is disabled, not available: only available images can be shared\. Enable it first with "Enable Image" \(amiExplorer\.enableImage\)\./);
      assert.deepEqual(await launchPermissionsOf(region, disabled.ImageId!), []);
    });

    it('an image of another account', async () => {
      const out = await ec2('us-east-1').send(new DescribeImagesCommand({ ExecutableUsers: ['self'] }));
      const theirs = out.Images?.find((i) => i.OwnerId === partner && !i.Public);
      assert.ok(theirs?.ImageId, 'the seeded partner image shared with us');
      await assert.rejects(share({ imageId: theirs.ImageId, region: 'us-east-1', addAccounts: [other] }), new RegExp(`belongs to account ${partner}, not to you.*only its owner can share it`));
    });

    it('adding your own account, and unknown options', async () => {
      await assert.rejects(share({ imageId: img.ImageId, region, addAccounts: ['123456789012'] }), /123456789012 is your own account/);
      await assert.rejects(share({ imageId: img.ImageId, region, addAccount: [other] }), /Unknown option "addAccount"/);
    });
  });
});
