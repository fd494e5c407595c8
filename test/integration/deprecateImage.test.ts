import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, publicApi, ownedScope, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { wizardScripts } from './wizardScript';
import { foreignSharedImage, imageNow, lifecycleRegion as region, registerImage, type TestImage } from './ec2Lifecycle';

const deprecate = (arg: unknown) => publicApi().then((a) => a.deprecateImage(arg as never));
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe('Deprecate action', () => {
  let api: TestingApi;
  let image: TestImage;
  restoreSettingAfter('regions');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    await setting('regions', [region]);
    image = await registerImage({ prefix: 'deprecate', tags: { Project: 'Deprecating' } });
  });

  it('sets a deprecation date, returns it as EC2 stores it, and the tree shows it', async () => {
    const owned = await ownedScope(api, region);
    assert.equal(owned.images.find((i) => i.id === image.imageId)?.deprecationTime, undefined);

    const day = inDays(90).toISOString().slice(0, 10);
    const at = await deprecate({ imageId: image.imageId, region, deprecateAt: day });
    assert.equal(at, `${day}T00:00:00.000Z`);
    assert.equal((await imageNow(image.imageId))?.DeprecationTime, `${day}T00:00:00.000Z`);

    await owned.getChildren();
    assert.equal(owned.images.find((i) => i.id === image.imageId)?.deprecationTime, `${day}T00:00:00.000Z`, 'the region was refreshed');
  });

  it('rounds an exact time to the minute, as EC2 does', async () => {
    const at = await deprecate({ imageId: image.imageId, region, deprecateAt: '2030-06-01T08:15:45Z' });
    assert.equal(at, '2030-06-01T08:16:00.000Z');
    assert.equal((await imageNow(image.imageId))?.DeprecationTime, '2030-06-01T08:16:00.000Z');
  });

  it('null cancels the deprecation', async () => {
    assert.equal(await deprecate({ imageId: image.imageId, region, deprecateAt: null }), null);
    assert.equal((await imageNow(image.imageId))?.DeprecationTime, undefined);
  });

  it('rejects bad input clearly and changes nothing', async () => {
    const day = inDays(30).toISOString().slice(0, 10);
    await deprecate({ imageId: image.imageId, region, deprecateAt: day });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ imageId: image.imageId, region }, /"deprecateAt" is required/],
      [{ imageId: image.imageId, region, deprecateAt: 'soon' }, /"soon" is not a date: use YYYY-MM-DD/],
      [{ imageId: image.imageId, region, deprecateAt: '2030-02-30' }, /not a calendar date/],
      [{ imageId: image.imageId, region, deprecateAt: '2020-01-01' }, /in the past: EC2 accepts only a future deprecation time/],
      [{ imageId: image.imageId, region, deprecateAt: inDays(11 * 366).toISOString() }, /more than 10 years ahead/],
      [{ imageId: 'ami-1', region, deprecateAt: day }, /"ami-1" is not an AMI id/],
      [{ imageId: image.imageId, region: 'eu-nowhere-7', deprecateAt: day }, /eu-nowhere-7 is not an AWS region this account knows/],
      [{ imageId: 'ami-0123456789abcdef0', region, deprecateAt: day }, /does not exist in ca-central-1/],
    ];
    for (const [arg, message] of cases) {
      await assert.rejects(deprecate(arg), message, JSON.stringify(arg));
    }
    assert.equal((await imageNow(image.imageId))?.DeprecationTime, `${day}T00:00:00.000Z`, 'unchanged');
  });

  it('from the tree, "In 30 days" deprecates the image 30 days ahead', async () => {
    const picked = await registerImage({ prefix: 'deprecate-tree', tags: { Project: 'Deprecating' } });
    api.images.refreshRegion(region);
    const node = await (await ownedScope(api, region)).nodeFor(picked.imageId);
    assert.ok(node, 'the image is in the tree');
    const started = Date.now();
    const ui = script();
    const { summary } = await answerSummary(api, async () => {
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.deprecateImage', node));
      const when = await ui.next(`Deprecate: ${picked.name} (${picked.imageId})`);
      assert.equal(when.numbers, '', 'one question, so unnumbered');
      await when.pick('In 30 days');
      return running;
    }, 'accept');
    assert.match(summary.items.join('\n'), /Deprecated from \d{4}-\d\d-\d\d/);
    assert.match(summary.items.join('\n'), new RegExp(`Region: ${region}`));
    const stored = Date.parse((await imageNow(picked.imageId))?.DeprecationTime ?? '');
    const expected = started + 30 * 86_400_000;
    assert.ok(Math.abs(stored - expected) < 120_000, `deprecation ${new Date(stored).toISOString()} is 30 days from now`);
  });

  it('"On a date…" asks the date as a second step, refuses one in the past, and Back returns to the choices', async () => {
    const dated = await registerImage({ prefix: 'deprecate-date', tags: { Project: 'Deprecating' } });
    const day = inDays(45).toISOString().slice(0, 10);
    const ui = script();
    const { summary } = await answerSummary(api, async () => {
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.deprecateImage', { imageId: dated.imageId, region }));
      await (await ui.next(/^Deprecate: deprecate-date/)).pick('On a date…');
      const onDate = await ui.next(`Deprecate: ${dated.name} on`);
      assert.equal(onDate.numbers, '2/2');
      await onDate.back();
      const when = await ui.next(/^Deprecate: deprecate-date/);
      assert.equal(when.numbers, '', 'back to the only question');
      await when.pick('On a date…');
      const again = await ui.next(`Deprecate: ${dated.name} on`);
      await again.enter('2020-01-01');
      const refused = await ui.next(`Deprecate: ${dated.name} on`);
      assert.match(refused.validationMessage ?? '', /in the past/);
      await refused.enter(day);
      return running;
    }, 'accept');
    assert.match(summary.items.join('\n'), new RegExp(`Deprecated from ${day}`));
    assert.equal((await imageNow(dated.imageId))?.DeprecationTime, `${day}T00:00:00.000Z`);
  });

  it('refuses an image another account owns', async () => {
    const foreign = await foreignSharedImage((await api.aws.accountId())!);
    await assert.rejects(deprecate({ imageId: foreign.imageId, region, deprecateAt: inDays(30).toISOString() }), /belongs to account 777788889999/);
    assert.equal((await imageNow(foreign.imageId))?.DeprecationTime, undefined);
  });
});
