import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { codeLensTitle, hoverCommands, hoverMarkdown, problemsFor } from '../../src/code/amiIdText';
import { consoleUrl } from '../../src/shared/awsLinks';
import type { Resolution } from '../../src/code/imageResolver';
import { shown } from '../markdownSafety';
import { must } from '../must';

const now = Date.parse('2026-11-23T12:00:00Z');
const self = '123456789012';

function image(overrides: Partial<ImageInfo> = {}): ImageInfo {
  return {
    id: 'ami-0123456789abcdef0', region: 'us-east-1', name: 'pettracker-v1.2', ownerId: self, state: 'available',
    architecture: 'x86_64', virtualizationType: 'hvm', rootDeviceType: 'ebs', creationDate: '2026-11-01T00:00:00Z',
    public: false, tags: { Project: 'PetTracker' }, blockDevices: [], raw: {}, description: 'Pet tracker service', ...overrides,
  };
}

const found = (...images: ImageInfo[]): Resolution => ({ kind: 'found', id: must(images[0], 'an image').id, images, failedRegions: [], at: now });
const notFound: Resolution = { kind: 'notFound', id: 'ami-0123456789abcdef0', searched: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], at: now };
const failed: Resolution = { kind: 'failed', id: 'ami-0123456789abcdef0', errors: [{ region: 'us-east-1', message: 'No AWS credentials were found. Run aws configure.' }], at: now };

describe('CodeLens titles', () => {
  it('say name · region · state', () => {
    assert.equal(codeLensTitle(found(image()), {}, now), 'pettracker-v1.2 · us-east-1 · available');
    assert.equal(codeLensTitle(found(image({ deprecationTime: '2026-01-01T00:00:00Z' })), {}, now), 'pettracker-v1.2 · us-east-1 · available, deprecated');
    assert.equal(codeLensTitle(found(image({ state: 'disabled' })), {}, now), 'pettracker-v1.2 · us-east-1 · disabled');
  });

  it('list every region an id was found in', () => {
    assert.equal(codeLensTitle(found(image(), image({ region: 'eu-west-1' })), {}, now), 'pettracker-v1.2 · us-east-1, eu-west-1 · available');
  });

  it('say when the image lives in another region than the code means', () => {
    assert.equal(codeLensTitle(found(image()), { region: 'ap-southeast-2' }, now), 'pettracker-v1.2 · us-east-1 (not ap-southeast-2) · available');
    assert.equal(codeLensTitle(found(image()), { region: 'us-east-1' }, now), 'pettracker-v1.2 · us-east-1 · available');
  });

  it('say how many regions were searched when nothing was found, and never call a failure "not found"', () => {
    assert.equal(codeLensTitle(notFound), 'ami-0123456789abcdef0 not found in 3 regions');
    assert.match(codeLensTitle(failed), /lookup failed \(No AWS credentials/);
  });
});

describe('problems', () => {
  const codes = (r: Resolution | undefined, ctx = {}) => problemsFor(r, ctx, now).map((p) => `${p.severity}:${p.code}`);

  it('report nothing for a good image, a failed or a pending lookup', () => {
    assert.deepEqual(codes(found(image())), []);
    assert.deepEqual(codes(failed), []);
    assert.deepEqual(codes(undefined), []);
  });

  it('inform about an id not visible anywhere (a private image of another account is normal), naming the regions searched', () => {
    const [p] = problemsFor(notFound, {}, now);
    assert.ok(p, 'a problem');
    assert.equal(p.severity, 'information');
    assert.equal(p.message, 'ami-0123456789abcdef0 is not visible in any of the 3 regions searched (us-east-1, eu-west-1, ap-southeast-2): it may be deregistered, private to another account, hidden by this account\'s Allowed AMIs settings, or a typo.');
  });

  it('shorten a long list of regions searched', () => {
    const many: Resolution = { ...notFound, searched: Array.from({ length: 17 }, (_, i) => `r${i}`) };
    assert.match(must(problemsFor(many, {}, now)[0], 'a problem').message, /17 regions searched \(r0, r1, r2, r3, r4 and 12 more\)/);
  });

  it('warn about deprecation with its date, and inform about a scheduled one', () => {
    const [past] = problemsFor(found(image({ deprecationTime: '2026-01-01T00:00:00Z' })), {}, now);
    assert.ok(past, 'a problem');
    assert.equal(past.severity, 'warning');
    assert.equal(past.message, 'ami-0123456789abcdef0 (pettracker-v1.2) is deprecated since 2026-01-01 00:00 UTC (us-east-1): move to a newer image.');
    assert.deepEqual(codes(found(image({ deprecationTime: '2027-01-01T00:00:00Z' }))), ['information:deprecation-scheduled']);
  });

  it('call disabled and deregistered images errors', () => {
    assert.deepEqual(codes(found(image({ state: 'disabled' }))), ['error:disabled']);
    assert.deepEqual(codes(found(image({ state: 'deregistered' }))), ['error:not-launchable']);
  });

  it('warn when the code means another region than the image lives in', () => {
    const [p] = problemsFor(found(image({ region: 'eu-west-1' })), { region: 'us-east-1' }, now);
    assert.ok(p, 'a problem');
    assert.equal(p.code, 'wrong-region');
    assert.match(p.message, /is in eu-west-1, but this code is for us-east-1/);
    assert.deepEqual(codes(found(image(), image({ region: 'eu-west-1', state: 'disabled' })), { region: 'us-east-1' }), [], 'only the image of the region meant counts');
  });

  it('warn about ids in upper case', () => {
    assert.deepEqual(problemsFor(found(image()), { written: 'AMI-0123456789ABCDEF0' }, now).map((p) => p.message),
      ['AMI-0123456789ABCDEF0 has upper-case letters: AMI ids are lower case (ami-0123456789abcdef0).']);
  });
});

describe('hover markdown', () => {
  it('shows every fact a reader asks about', () => {
    const text = shown(hoverMarkdown(found(image({ deprecationTime: '2026-01-01T00:00:00Z', ownerAlias: undefined })), {}, { selfAccount: self, now }));
    for (const expected of ['**pettracker-v1.2**', 'owned by you · us-east-1 · available · deprecated since 2026-01-01 00:00 UTC', '| ID | ami-0123456789abcdef0 |',
      '| Owner | 123456789012 (you) |', '| Architecture | x86_64 |', '| Virtualization | hvm |', '| Root device | ebs |',
      '| Created | 2026-11-01 00:00 UTC (22 days ago) |', '| Visibility | private |', 'Pet tracker service', 'Project = PetTracker']) {
      assert.ok(text.includes(expected), `missing ${expected} in\n${text}`);
    }
  });

  it('says public and shared, with the owner', () => {
    assert.match(shown(hoverMarkdown(found(image({ ownerId: '137112412989', ownerAlias: 'amazon', public: true })), {}, { selfAccount: self, now })), /public · us-east-1/);
    assert.match(shown(hoverMarkdown(found(image({ ownerId: '111122223333' })), {}, { selfAccount: self, now })), /shared with you · us-east-1/);
  });

  it('links only to allowlisted commands, with the image and region as arguments, and to the region\'s console', () => {
    const text = hoverMarkdown(found(image()), {}, { now });
    const commands = [...text.matchAll(/command:([\w.]+)\?([^ )]+)/g)];
    assert.deepEqual(commands.map((m) => m[1]), ['amiExplorer.revealImage', 'amiExplorer.showDetails', 'amiExplorer.showImageUsage', 'amiExplorer.copyImageId', 'amiExplorer.copyImage', 'amiExplorer.launchInstance']);
    assert.ok(commands.every((m) => (hoverCommands as readonly string[]).includes(m[1]!)));
    assert.deepEqual(JSON.parse(decodeURIComponent(must(commands[0]?.[2], 'the arguments of the first command link'))), [{ imageId: 'ami-0123456789abcdef0', region: 'us-east-1' }]);
    assert.ok(text.includes(consoleUrl('image', 'us-east-1', 'ami-0123456789abcdef0') ?? 'no URL'));
  });

  it('gives no link at all when the id or region is not what it claims to be', () => {
    const hostileRegion = 'us-east-1"}](command:amiExplorer.launchInstance)';
    for (const bad of [image({ region: hostileRegion }), image({ id: 'ami-0123456789abcdef0 x' })]) {
      const text = hoverMarkdown(found(bad), {}, { now });
      assert.doesNotMatch(text, /command:|https:\/\//);
    }
  });

  it('explains an id not found, and a failed lookup, differently', () => {
    const missing = shown(hoverMarkdown(notFound, {}, { scope: 'every region enabled for the account', now }));
    assert.match(missing, /is not visible in any of the 3 regions searched \(us-east-1, eu-west-1, ap-southeast-2\)/);
    assert.match(missing, /deregistered, be private to another account, be hidden by this account's Allowed AMIs settings, or contain a typo/);
    const broken = hoverMarkdown(failed, {}, { now });
    assert.match(broken, /could not be looked up/);
    assert.doesNotMatch(broken, /not visible|not found/);
  });

  it('shows each region of an id found in several', () => {
    const text = shown(hoverMarkdown(found(image(), image({ region: 'eu-west-1' })), {}, { now }));
    assert.match(text, /was found in 2 regions: us-east-1, eu-west-1/);
    assert.equal(text.split('| Region |').length - 1, 2);
  });
});
