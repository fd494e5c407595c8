import * as assert from 'node:assert/strict';
import type { ImageInfo, RetentionRule } from '../../src/aws/model';
import { retainingRule, retentionOf, retentionText } from '../../src/actions/common/recycleBinRetention';
import { disableProblem, disableSummary, enableProblem, enableSummary, parseDisableRequest, parseEnableRequest } from '../../src/actions/disableImage/request';
import { notInRecycleBin, parseRestoreRequest, restoreSummary } from '../../src/actions/restoreImage/request';
import { parseProtectionRequest, protectionSummary } from '../../src/actions/setDeregistrationProtection/request';
import { imageFacts } from '../../src/shared/imageMarkdown';
import { rbinEndpoint } from '../../src/aws/sdk/rbinRequest';
import { cooldownEnd, expiryLabel, isProtected, protectionLabel, protectionRefusal } from '../../src/shared/retirementText';

const now = Date.parse('2026-12-01T10:00:00Z');
const image = (over: Partial<ImageInfo> = {}): ImageInfo => ({
  id: 'ami-0123456789abcdef0', region: 'eu-west-1', name: 'pettracker-v1.2', ownerId: '123456789012', state: 'available',
  public: false, tags: {}, blockDevices: [], raw: {}, ...over,
});
const rule = (id: string, days: number, tags: { key: string; value?: string }[] = [], over: Partial<RetentionRule> = {}): RetentionRule =>
  ({ id, retentionDays: days, resourceTags: tags, status: 'available', ...over });

describe('deregistration protection wording', () => {
  it('reads every value EC2 reports', () => {
    assert.equal(protectionLabel('enabled-without-cooldown', now), 'on');
    assert.equal(protectionLabel('enabled', now), 'on');
    assert.equal(protectionLabel('enabled-with-cooldown', now), 'on, with a 24-hour cooldown when turned off');
    assert.equal(protectionLabel('disabled-until 2026-12-02T09:30:00.000Z', now), 'off, but protected until 2026-12-02 09:30 UTC (cooldown)');
    assert.equal(protectionLabel('disabled-until 2026-11-30T09:30:00.000Z', now), 'off', 'a cooldown that ended');
    assert.equal(protectionLabel('disabled', now), 'off');
    assert.equal(protectionLabel(undefined, now), undefined);
  });

  it('knows when DeregisterImage would refuse', () => {
    assert.equal(isProtected('enabled', now), true);
    assert.equal(isProtected('enabled-with-cooldown', now), true);
    assert.equal(isProtected('disabled-until 2026-12-02T09:30:00.000Z', now), true);
    assert.equal(isProtected('disabled-until 2026-12-01T09:59:59.000Z', now), false);
    assert.equal(isProtected('disabled', now), false);
    assert.equal(isProtected(undefined, now), false);
    assert.equal(cooldownEnd('disabled-until 2026-12-02T09:30:00.000Z'), '2026-12-02T09:30:00.000Z');
    assert.equal(cooldownEnd('enabled'), undefined);
  });

  it('says how to lift a protection, or when its cooldown ends', () => {
    assert.match(protectionRefusal(image({ deregistrationProtection: 'enabled' })),
      /^pettracker-v1\.2 \(ami-0123456789abcdef0\) is protected from deregistration\. Turn the protection off first with "Set Deregistration Protection" \(amiExplorer\.setDeregistrationProtection\)\.$/);
    assert.match(protectionRefusal(image({ deregistrationProtection: 'enabled-with-cooldown' })), /once turned off, it can be deregistered 24 hours later/);
    assert.match(protectionRefusal(image({ deregistrationProtection: 'disabled-until 2026-12-02T09:30:00.000Z' })),
      /cooldown that ends 2026-12-02 09:30 UTC\. Deregister it after that\./);
  });

  it('shows in the facts of tooltips and details', () => {
    const facts = Object.fromEntries(imageFacts(image({ deregistrationProtection: 'enabled-with-cooldown' }), now));
    assert.equal(facts['Deregistration protection'], 'on, with a 24-hour cooldown when turned off');
    assert.equal(Object.fromEntries(imageFacts(image(), now))['Deregistration protection'], undefined, 'absent when EC2 does not report it');
  });

  it('words the Recycle Bin expiry', () => {
    assert.equal(expiryLabel('2026-12-08T10:00:00.000Z', now), 'in 7 days (2026-12-08 10:00 UTC)');
    assert.equal(expiryLabel('2026-12-01T15:30:00.000Z', now), 'in 5 hours (2026-12-01 15:30 UTC)');
    assert.equal(expiryLabel('2026-11-30T00:00:00.000Z', now), 'now');
    assert.equal(expiryLabel(undefined, now), 'at an unknown time');
  });
});

describe('Recycle Bin retention before deregistering', () => {
  it('a region-level rule keeps every image; a tag rule those carrying one of its tags; the longest wins', () => {
    const rules = [rule('region3', 3), rule('team7', 7, [{ key: 'Team', value: 'platform' }]), rule('anyProject', 30, [{ key: 'Project' }])];
    assert.equal(retainingRule(rules, {})?.id, 'region3');
    assert.equal(retainingRule(rules, { Team: 'platform' })?.id, 'team7');
    assert.equal(retainingRule(rules, { Team: 'data' })?.id, 'region3');
    assert.equal(retainingRule(rules, { Project: 'anything' })?.id, 'anyProject', 'a value-less tag matches any value');
    assert.equal(retainingRule(rules.slice(1), { Team: 'data' }), undefined);
  });

  it('ignores rules that are not available', () => {
    assert.equal(retainingRule([rule('pending', 9, [], { status: 'pending' })], {}), undefined);
  });

  it('says recoverable, permanent, or that the rules could not be read, never guessing', () => {
    const keep = rule('r-abc1234567', 7, [], { description: 'a week of grace' });
    assert.equal(retentionText(retentionOf(image(), { rules: [keep] }), false), 'recoverable from the Recycle Bin for 7 days (rule r-abc1234567: a week of grace)');
    assert.equal(retentionText(retentionOf(image(), { rules: [rule('one', 1)] }), false), 'recoverable from the Recycle Bin for 1 day (rule one)');
    assert.equal(retentionText(retentionOf(image(), { rules: [] }), false), 'permanent: this cannot be undone');
    assert.equal(retentionText(retentionOf(image(), { problem: 'Access denied: the default credential chain is not allowed to call rbin:ListRules in eu-west-1.' }), false),
      'could not read Recycle Bin rules: Access denied: the default credential chain is not allowed to call rbin:ListRules in eu-west-1.; assume permanent');
    assert.match(retentionText(retentionOf(image(), { rules: [keep] }), true), /^kept in the Recycle Bin for 7 days .* but restoring it needs the snapshots deleted here: assume permanent$/);
  });
});

describe('disable and enable requests', () => {
  it('parse { imageId, region }; disable also takes confirmed; unknown options are refused', () => {
    assert.deepEqual(parseDisableRequest({ imageId: 'ami-0123456789abcdef0', region: 'eu-west-1', confirmed: true }), { imageId: 'ami-0123456789abcdef0', region: 'eu-west-1' });
    assert.deepEqual(parseEnableRequest({ imageId: 'ami-01234567', region: 'eu-west-1' }), { imageId: 'ami-01234567', region: 'eu-west-1' });
    assert.throws(() => parseEnableRequest({ imageId: 'ami-01234567', region: 'eu-west-1', confirmed: true }), /Unknown option "confirmed"/);
    assert.throws(() => parseDisableRequest({ imageId: 'ami-1', region: 'eu-west-1' }), /"ami-1" is not an AMI id/);
    assert.throws(() => parseDisableRequest({ imageId: 'ami-01234567' }), /region/);
  });

  it('only an available image is disabled, only a disabled one enabled', () => {
    assert.equal(disableProblem(image()), undefined);
    assert.match(disableProblem(image({ state: 'disabled' })) ?? '', /already disabled.*"Enable Image" \(amiExplorer\.enableImage\)/);
    assert.match(disableProblem(image({ state: 'pending' })) ?? '', /is pending: only an available image can be disabled/);
    assert.equal(enableProblem(image({ state: 'disabled' })), undefined);
    assert.match(enableProblem(image()) ?? '', /is not disabled \(it is available\): there is nothing to enable/);
  });

  it('the disable summary says launches fail and names who loses access', () => {
    const permissions = { public: true, accounts: ['111122223333', '444455556666'], organizationArns: [], organizationalUnitArns: ['arn:aws:organizations::1:ou/o-1/ou-1'] };
    const summary = disableSummary(image({ public: true }), { permissions, usage: 'used by 1 instance (web-1)' });
    assert.equal(summary.title, 'Disable pettracker-v1.2 (ami-0123456789abcdef0)');
    assert.equal(summary.destructive, true);
    assert.deepEqual(summary.regions, ['eu-west-1']);
    const text = summary.lines.join('\n');
    assert.match(text, /Every new launch from it fails .* until it is enabled again with "Enable Image"/);
    assert.match(text, /In this account, as EC2 reports it: used by 1 instance \(web-1\)/);
    assert.match(text, /It leaves the public listing/);
    assert.match(text, /Its shares end: 2 accounts \(111122223333, 444455556666\) and 1 organizational unit can no longer launch it/);
    const usage = 'could not check usage: AccessDenied';
    assert.match(disableSummary(image(), { permissions: { public: false, accounts: [], organizationArns: [], organizationalUnitArns: [] }, usage }).lines.join('\n'), /shared with no other account/);
    const unknown = disableSummary(image(), { usage }).lines.join('\n');
    assert.match(unknown, /every share and its public listing, if any, end/);
    assert.match(unknown, /In this account, as EC2 reports it: could not check usage: AccessDenied/);
    assert.match(enableSummary(image()).lines.join('\n'), /stay ended: share it again with "Share Image"/);
  });
});

describe('deregistration protection requests', () => {
  it('parse { imageId, region, enabled, cooldown? }', () => {
    assert.deepEqual(parseProtectionRequest({ imageId: 'ami-01234567', region: 'us-east-1', enabled: true, cooldown: true }),
      { imageId: 'ami-01234567', region: 'us-east-1', enabled: true, cooldown: true });
    assert.deepEqual(parseProtectionRequest({ imageId: 'ami-01234567', region: 'us-east-1', enabled: false }),
      { imageId: 'ami-01234567', region: 'us-east-1', enabled: false, cooldown: false });
    assert.throws(() => parseProtectionRequest({ imageId: 'ami-01234567', region: 'us-east-1' }), /"enabled"/);
    assert.throws(() => parseProtectionRequest({ imageId: 'ami-01234567', region: 'us-east-1', enabled: 'yes' }), /"enabled" must be true or false/);
    assert.throws(() => parseProtectionRequest({ imageId: 'ami-01234567', region: 'us-east-1', enabled: false, cooldown: true }), /"cooldown" applies only when turning protection on/);
    assert.throws(() => parseProtectionRequest({ imageId: 'ami-01234567', region: 'us-east-1', enabled: true, coolDown: true }), /did you mean "cooldown"/);
  });

  it('the summary says what Deregister will do, now and after turning it off', () => {
    const on = protectionSummary(image({ deregistrationProtection: 'disabled' }), { enabled: true, cooldown: true }, now);
    assert.equal(on.title, 'Protect pettracker-v1.2 (ami-0123456789abcdef0) from deregistration');
    assert.deepEqual(on.lines, ['Now: off', 'Deregister refuses it until the protection is turned off, and for 24 hours after that (the cooldown)']);
    const off = protectionSummary(image({ deregistrationProtection: 'enabled-with-cooldown' }), { enabled: false, cooldown: false }, now);
    assert.equal(off.accept, 'Turn Off Protection');
    assert.match(off.lines.join('\n'), /Its 24-hour cooldown starts now/);
    assert.match(protectionSummary(image({ deregistrationProtection: 'enabled' }), { enabled: false, cooldown: false }, now).lines.join('\n'), /Deregister allows it at once/);
  });
});

describe('restore requests', () => {
  it('parse { imageId, region } and say plainly what is not in the bin', () => {
    assert.deepEqual(parseRestoreRequest({ imageId: 'ami-01234567', region: 'us-east-1' }), { imageId: 'ami-01234567', region: 'us-east-1' });
    assert.throws(() => parseRestoreRequest({ imageId: 'ami-01234567', region: 'us-east-1', force: true }), /Unknown option "force"/);
    assert.match(notInRecycleBin({ imageId: 'ami-01234567', region: 'us-east-1' }), /^ami-01234567 is not in the Recycle Bin of us-east-1: .*gone for good\.$/);
  });

  it('the summary names the image, what comes back and when it expires', () => {
    const summary = restoreSummary({ id: 'ami-01234567', region: 'us-east-1', name: 'old', expiresAt: '2026-12-08T10:00:00.000Z' }, now);
    assert.equal(summary.title, 'Restore old (ami-01234567) from the Recycle Bin');
    assert.match(summary.lines.join('\n'), /deleted for good in 7 days \(2026-12-08 10:00 UTC\)/);
  });
});

describe('the Recycle Bin endpoint', () => {
  it('is the override when there is one (the setting, then AWS_ENDPOINT_URL_RBIN, then AWS_ENDPOINT_URL), else the region\'s in its partition', () => {
    const none = {};
    assert.equal(rbinEndpoint({ profile: '' }, 'eu-west-1', none).href, 'https://rbin.eu-west-1.amazonaws.com/');
    assert.equal(rbinEndpoint({ profile: '' }, 'cn-north-1', none).href, 'https://rbin.cn-north-1.amazonaws.com.cn/');
    assert.equal(rbinEndpoint({ profile: '' }, 'us-gov-west-1', none).href, 'https://rbin.us-gov-west-1.amazonaws.com/');
    assert.equal(rbinEndpoint({ profile: '' }, 'us-east-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }).href, 'http://127.0.0.1:4566/');
    assert.equal(rbinEndpoint({ profile: '' }, 'us-east-1', { AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_RBIN: 'http://b:2' }).href, 'http://b:2/');
    assert.equal(rbinEndpoint({ profile: '', endpoint: 'http://c:3' }, 'us-east-1', { AWS_ENDPOINT_URL_RBIN: 'http://b:2' }).href, 'http://c:3/');
  });
});
