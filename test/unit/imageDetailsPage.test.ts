import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import type { ImagePage } from '../../src/details/imagePage';
import { actionsFor, pageActions, parsePageMessage } from '../../src/details/pageActions';
import { imagePageHtml, messagePageHtml } from '../../src/details/pageHtml';
import { htmlFindings, htmlText } from '../htmlSafety';
import { hostileParts, hostileTexts, wrapHostile } from '../markdownSafety';

const now = Date.parse('2026-11-23T12:00:00Z');
const self = '123456789012';
const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q=';

function image(overrides: Partial<ImageInfo> = {}): ImageInfo {
  return {
    id: 'ami-0123456789abcdef0', region: 'us-east-1', name: 'pettracker-v1.2', ownerId: self, state: 'available', architecture: 'x86_64',
    creationDate: '2026-11-01T00:00:00Z', public: false, tags: { Project: 'PetTracker' }, raw: { ImageId: 'ami-0123456789abcdef0' },
    blockDevices: [
      { deviceName: '/dev/xvda', snapshotId: 'snap-0aaa', volumeSizeGiB: 8, volumeType: 'gp3', encrypted: false, deleteOnTermination: true },
      { deviceName: '/dev/xvdb', snapshotId: 'snap-0bbb', volumeSizeGiB: 30, volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
      { deviceName: '/dev/sdc', virtualName: 'ephemeral0' },
    ],
    ...overrides,
  };
}

function page(overrides: Partial<ImagePage> = {}, imageOverrides: Partial<ImageInfo> = {}): ImagePage {
  return {
    details: { image: image(imageOverrides), launchPermissions: { public: false, accounts: ['111122223333'], organizationArns: [], organizationalUnitArns: [] } },
    owned: true,
    selfAccount: self,
    lastLaunched: { kind: 'known' },
    allowed: { ok: true, value: { state: 'disabled', criteria: [] } },
    lineage: [],
    pricePerGBMonth: 0.05,
    now,
    ...overrides,
  };
}

const text = (p: ImagePage) => htmlText(imagePageHtml(p, nonce));
const sections = (html: string) => [...html.matchAll(/<h2 id="[a-z]+-title">([^<]+)<\/h2>/g)].map((m) => m[1]);

describe('the details page', () => {
  it('is locked down: a policy of nothing but its own nonce, no handlers, no URLs', () => {
    const html = imagePageHtml(page(), nonce);
    assert.deepEqual(htmlFindings(html), []);
    assert.match(html, new RegExp(`content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`));
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.deepEqual(htmlFindings(messagePageHtml('ami-1', 'Could not load', nonce, true)), []);
  });

  it('the check catches a page that is not', () => {
    const html = imagePageHtml(page(), nonce);
    assert.notDeepEqual(htmlFindings(html.replace(/<meta http-equiv[^>]*>/, '')), []);
    assert.notDeepEqual(htmlFindings(html.replace('<button type="button"', '<button onclick="x()" type="button"')), []);
    assert.notDeepEqual(htmlFindings(html.replace(`<script nonce="${nonce}">`, '<script>')), []);
    assert.notDeepEqual(htmlFindings(html.replace('<h1>', `<h1>${wrapHostile('<img src=x>')}`)), []);
  });

  it('has its sections in order; Usage only when given', () => {
    assert.deepEqual(sections(imagePageHtml(page(), nonce)), ['Overview', 'Permissions', 'Storage', 'Tags', 'Lineage', 'Raw JSON']);
    const used = page({ usage: { ok: true, value: { references: [{ resourceType: 'ec2:Instance', arn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' }], files: [{ path: 'infra/main.tf', line: 3 }] } } });
    const html = imagePageHtml(used, nonce);
    assert.deepEqual(sections(html), ['Overview', 'Permissions', 'Storage', 'Tags', 'Usage', 'Lineage', 'Raw JSON']);
    assert.match(htmlText(html), /In this account \(1\)[\s\S]*ec2:Instance[\s\S]*instance\/i-1[\s\S]*infra\/main\.tf:3/);
    assert.match(text(page({ usage: { ok: false, error: 'DescribeImageReferences was denied' } })), /Who uses it could not be found out: DescribeImageReferences was denied/);
  });

  it('overview: the new facts, read as a person says them', () => {
    const shown = text(page({ lastLaunched: { kind: 'known', at: '2026-11-20T12:00:00.000Z' } }, {
      deregistrationProtection: 'enabled-with-cooldown', bootMode: 'uefi-preferred', imdsSupport: 'v2.0', freeTierEligible: true,
      sourceImageId: 'ami-0fedcba9876543210', sourceImageRegion: 'eu-west-1',
    }));
    for (const expected of [
      'Last launched 2026-11-20 12:00 UTC (3 days ago)', 'Deregistration protection on, with a 24-hour cooldown when turned off',
      'Boot mode uefi-preferred', 'IMDS IMDSv2 required (v2.0)', 'Free tier eligible', 'Copied from ami-0fedcba9876543210 (eu-west-1)',
      'ARN arn:aws:ec2:us-east-1::image/ami-0123456789abcdef0',
    ]) {
      assert.ok(shown.includes(expected), `${expected} in\n${shown}`);
    }
    assert.match(text(page()), /Last launched never/);
    assert.match(text(page({ owned: false, lastLaunched: undefined }, { ownerId: '999988887777', public: true })), /Last launched only the image's owner can see it/);
  });

  it('permissions: who may launch it, and what Allowed AMIs says', () => {
    assert.match(text(page()), /Not public[\s\S]*Account 111122223333[\s\S]*Allowed AMIs is disabled in this region: every image can be used/);
    const audit = text(page({ allowed: { ok: true, value: { state: 'audit-mode', criteria: [{ providers: ['amazon', '111122223333'], names: ['al2023-*'], marketplaceProductCodes: [], maxDaysSinceCreated: 300 }] } } }, { imageAllowed: false }));
    assert.match(audit, /Not allowed: launches still work in audit mode, but fail once Allowed AMIs is enabled\./);
    assert.match(audit, /Images from amazon, 111122223333, named al2023-\*, created within 300 days/);
    const enforced = text(page({ allowed: { ok: true, value: { state: 'enabled', criteria: [], managedBy: 'declarative-policy' } } }, { imageAllowed: true }));
    assert.match(enforced, /Allowed: it meets the criteria \(enforced\)[\s\S]*set by a declarative policy[\s\S]*only your account's own images are allowed/);
    assert.match(text(page({ allowed: { ok: false, error: 'UnauthorizedOperation' } }, { imageAllowed: false })),
      /Not allowed by this account's criteria\. The region's Allowed AMIs settings could not be read: UnauthorizedOperation/);
    assert.match(text(page({ owned: false, details: { image: image({ ownerId: '999988887777', public: true }) } })), /Public: every AWS account can launch it\. Only the owner can read whom else/);
  });

  it('storage: snapshots with sizes, and the monthly estimate stated as an assumption', () => {
    const shown = text(page());
    assert.match(shown, /\/dev\/xvdb snap-0bbb 30 GiB gp3 yes yes/);
    assert.match(shown, /2 snapshots, 38 GiB in total: estimated \$1\.90 a month\./);
    assert.match(shown, /Assumes \$0\.05 per GB-month \(setting amiExplorer\.snapshotPricePerGBMonth\)/);
    assert.match(text(page({ pricePerGBMonth: 0.0125 })), /estimated \$0\.48 a month[\s\S]*Assumes \$0\.0125 per GB-month/);
    assert.match(text(page({ owned: false })), /2 snapshots, 38 GiB\. They belong to the image's owner, who pays for their storage\./);
    assert.doesNotMatch(text(page({ owned: false })), /estimated/);
  });

  it('lineage: each known image is a button that names only its index; gone ones say why', () => {
    const source = image({ id: 'ami-0fedcba9876543210', region: 'eu-west-1', name: 'base-2026.10' });
    const html = imagePageHtml(page({
      lineage: [
        { relation: 'copy', region: 'eu-west-1', imageId: source.id, image: source },
        { relation: 'instance', region: 'eu-west-1', instanceId: 'i-0abc', note: 'EC2 no longer knows the instance (terminated), so not the image it was launched from' },
      ],
    }), nonce);
    assert.match(html, /<button class="link" data-link="0" title="Reveal in the Images view">ami-0fedcba9876543210 in eu-west-1<\/button>/);
    assert.match(htmlText(html), /copied from ami-0fedcba9876543210 in eu-west-1 base-2026\.10 · available[\s\S]*made from instance i-0abc \(EC2 no longer knows the instance/);
    assert.match(text(page()), /This image: ami-0123456789abcdef0 in us-east-1 EC2 reports no source image or instance for this image\./);
  });

  it('raw JSON is one click away, in a collapsed block', () => {
    assert.match(imagePageHtml(page(), nonce), /<details><summary>DescribeImages<\/summary><pre>\{\n {2}&quot;ImageId&quot;: &quot;ami-0123456789abcdef0&quot;\n\}<\/pre><\/details>/);
  });

  it('shows owners every action and others only those that need no ownership', () => {
    const buttons = (p: ImagePage) => [...imagePageHtml(p, nonce).matchAll(/data-action="([a-zA-Z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(buttons(page()), pageActions.map((a) => a.id));
    assert.deepEqual(buttons(page({ owned: false })), ['launch', 'copy', 'copyId', 'copyArn', 'console', 'reveal']);
    assert.deepEqual(actionsFor(false).map((a) => a.command), ['amiExplorer.launchInstance', 'amiExplorer.copyImage', 'amiExplorer.copyImageId', 'amiExplorer.copyArn', 'amiExplorer.openInConsole', 'amiExplorer.revealImage']);
  });

  it('takes only the messages its buttons post', () => {
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'launch' }), { type: 'action', action: 'launch' });
    assert.deepEqual(parsePageMessage({ type: 'reveal', link: 2 }), { type: 'reveal', link: 2 });
    assert.deepEqual(parsePageMessage({ type: 'refresh', extra: 1 }), { type: 'refresh' });
    for (const junk of [undefined, null, 'launch', { type: 'action' }, { type: 'action', action: 3 }, { type: 'reveal', link: -1 }, { type: 'reveal', link: 1.5 }, { type: 'command', command: 'amiExplorer.deregisterImage' }]) {
      assert.equal(parsePageMessage(junk), undefined, JSON.stringify(junk));
    }
  });

  for (const hostile of hostileTexts) {
    it(`shows ${JSON.stringify(hostile)} as text wherever EC2, settings or errors put it`, () => {
      const h = wrapHostile(hostile);
      const bad = image({
        name: h, description: h, ownerAlias: h, stateReason: h, architecture: h, platformDetails: h, bootMode: h, imdsSupport: h,
        deregistrationProtection: h, sourceImageId: h, sourceImageRegion: h, sourceInstanceId: h, imageType: h, tags: { [h]: h },
        blockDevices: [{ deviceName: h, snapshotId: h, volumeType: h, encrypted: true, kmsKeyId: h, volumeSizeGiB: 8 }], raw: { Name: h },
      });
      const html = imagePageHtml({
        details: { image: bad, launchPermissions: { public: false, accounts: [h], organizationArns: [h], organizationalUnitArns: [h] } },
        owned: true,
        lastLaunched: { kind: 'unknown', reason: h },
        allowed: { ok: true, value: { state: h, managedBy: h, criteria: [{ providers: [h], names: [h], marketplaceProductCodes: [h] }] } },
        lineage: [{ relation: 'copy', region: h, imageId: h, image: { ...bad, state: h } }, { relation: 'instance', region: h, instanceId: h, note: h }],
        usage: { ok: true, value: { references: [{ resourceType: h, arn: h }], accounts: [{ accountId: h, resources: { [h]: 1 } }], files: [{ path: h, line: 1 }] } },
        pricePerGBMonth: 0.05,
        now,
      }, nonce);
      assert.deepEqual(htmlFindings(html), []);
      assert.ok(hostileParts(html) >= 30, `the hostile text is shown (${hostileParts(html)} times)`);
      assert.deepEqual(htmlFindings(messagePageHtml(h, h, nonce, true)), []);
      assert.deepEqual(htmlFindings(imagePageHtml({ ...page(), usage: { ok: false, error: h }, allowed: { ok: false, error: h } }, nonce)), []);
    });
  }
});
