import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { groupOf, planCleanup, snapshotGiBOf, type Candidate } from '../../src/actions/retireImages/cleanupPlan';
import { planDocument } from '../../src/actions/retireImages/planDocument';
import { parseRetireRequest } from '../../src/actions/retireImages/request';

const now = Date.parse('2026-12-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();

function image(id: string, name: string, ageDays: number, extra: Partial<ImageInfo> = {}, sizes: Record<string, number> = {}): ImageInfo {
  return {
    id, region: 'us-east-1', name, ownerId: '123456789012', state: 'available', public: false, tags: {}, raw: {},
    creationDate: daysAgo(ageDays),
    blockDevices: Object.entries(sizes).map(([snapshotId, size], i) => ({ deviceName: `/dev/sd${'abcdef'[i] ?? 'z'}`, snapshotId, volumeSizeGiB: size })),
    ...extra,
  };
}
const known = (i: ImageInfo, lastLaunched: string | null = null, references = 0): Candidate => ({ image: i, facts: { lastLaunched, references } });
const request = (extra: Record<string, unknown> = {}) => parseRetireRequest({ namePattern: 'web-*', olderThanDays: 30, action: 'deregister', ...extra });
const ctx = { now, pricePerGBMonth: 0.05 };

describe('cleanup plan: the request', () => {
  it('needs a scope and an age rule, and keeps the newest and Latest by default', () => {
    assert.throws(() => parseRetireRequest({ olderThanDays: 30, action: 'deprecate' }), /Give "namePattern".*never covers every image/);
    assert.throws(() => parseRetireRequest({ namePattern: 'x', action: 'deprecate' }), /Give "olderThanDays" or "notLaunchedForDays"/);
    assert.throws(() => parseRetireRequest({ namePattern: 'x', olderThanDays: 30, action: 'delete' }), /"action" must be one of "deprecate", "disable", "deregister"/);
    assert.throws(() => parseRetireRequest({ namePattern: 'x', olderThanDays: -1, action: 'disable' }), /"olderThanDays" must be a whole number of days/);
    assert.throws(() => parseRetireRequest({ namePattern: 'x', olderThanDays: 30, action: 'disable', deleteSnapshots: true }), /"deleteSnapshots" goes with "action": "deregister" only/);
    assert.throws(() => parseRetireRequest({ namePattern: 'x', olderThanDays: 30, action: 'disable', keepNewst: 2 }), /Unknown option "keepNewst"/);
    const r = request();
    assert.equal(r.criteria.keepNewest, 1);
    assert.equal(r.criteria.excludeLatest, true);
    assert.equal(r.dryRun, false);
  });
});

describe('cleanup plan: choosing', () => {
  it('groups by the group tag, else by the name with its numbers folded', () => {
    assert.equal(groupOf({ name: 'web-1.4.2', tags: {} }), groupOf({ name: 'web-1.5.10', tags: {} }));
    assert.notEqual(groupOf({ name: 'web-1.4.2', tags: {} }), groupOf({ name: 'api-1.4.2', tags: {} }));
    assert.equal(groupOf({ name: 'x', tags: { Project: 'Pet' } }, 'Project'), 'Project=Pet');
  });

  it('keeps the newest K of each group, Latest, young and recently launched images, and names why', () => {
    const images = [
      known(image('ami-00000001', 'web-1.0', 90)),
      known(image('ami-00000002', 'web-1.1', 60, { tags: { Latest: 'true' } })),
      known(image('ami-00000003', 'web-1.2', 40), daysAgo(3)),
      known(image('ami-00000004', 'web-1.3', 10)),
      known(image('ami-00000005', 'web-1.4', 1)),
    ];
    const plan = planCleanup(images, request({ notLaunchedForDays: 7 }).criteria, 'deregister', ctx);
    assert.deepEqual(plan.retire.map((p) => p.image.id), ['ami-00000001']);
    const why = Object.fromEntries(plan.kept.map((k) => [k.image.id, k.reason]));
    assert.match(why['ami-00000005'] ?? '', /one of the newest 1 of web-#/);
    assert.match(why['ami-00000004'] ?? '', /10 days old \(the plan retires images older than 30 days\)/);
    assert.match(why['ami-00000003'] ?? '', /launched 3 days ago/);
    assert.equal(why['ami-00000002'], 'tagged Latest=true');
  });

  it('never treats an unknown last launch or usage as "not launched" or "unused"', () => {
    const unknown: Candidate = { image: image('ami-00000001', 'web-1.0', 90), facts: { lastLaunched: undefined, references: undefined, unknownBecause: 'AccessDenied' } };
    const newer = known(image('ami-00000009', 'web-2.0', 1));
    const plan = planCleanup([unknown, newer], request({ notLaunchedForDays: 7, unreferencedOnly: true }).criteria, 'deregister', ctx);
    assert.deepEqual(plan.retire, []);
    assert.match(plan.kept.find((k) => k.image.id === 'ami-00000001')?.reason ?? '', /last launch is unknown \(AccessDenied\)/);
    const used = planCleanup([known(image('ami-00000001', 'web-1.0', 90), null, 2), newer], request({ unreferencedOnly: true }).criteria, 'deregister', ctx);
    assert.match(used.kept.find((k) => k.image.id === 'ami-00000001')?.reason ?? '', /used by 2 resources/);
  });

  it('keeps what the action cannot change: protected from deregistering, already deprecated, disabled', () => {
    const protectedImage = known(image('ami-00000001', 'web-1.0', 90, { deregistrationProtection: 'enabled-with-cooldown' }));
    const deprecated = known(image('ami-00000002', 'web-1.1', 80, { deprecationTime: daysAgo(5) }));
    const disabled = known(image('ami-00000003', 'web-1.2', 70, { state: 'disabled' }));
    const newest = known(image('ami-00000009', 'web-2.0', 1));
    const all = [protectedImage, deprecated, disabled, newest];
    const deregister = planCleanup(all, request().criteria, 'deregister', ctx);
    assert.deepEqual(deregister.retire.map((p) => p.image.id).sort(), ['ami-00000002', 'ami-00000003']);
    assert.match(deregister.kept.find((k) => k.image.id === 'ami-00000001')?.reason ?? '', /deregistration protection is enabled-with-cooldown/);
    const deprecate = planCleanup(all, request().criteria, 'deprecate', ctx);
    assert.deepEqual(deprecate.retire.map((p) => p.image.id), ['ami-00000001']);
    assert.match(deprecate.kept.find((k) => k.image.id === 'ami-00000002')?.reason ?? '', /already deprecated/);
    assert.match(deprecate.kept.find((k) => k.image.id === 'ami-00000003')?.reason ?? '', /its state is disabled/);
  });

  it('totals snapshot GiB once per snapshot and prices it by the setting', () => {
    const a = known(image('ami-00000001', 'web-1.0', 90, {}, { 'snap-a': 8, 'snap-shared': 100 }));
    const b = known(image('ami-00000002', 'web-1.1', 80, {}, { 'snap-b': 30, 'snap-shared': 100 }));
    const newest = known(image('ami-00000009', 'web-2.0', 1, {}, { 'snap-new': 8 }));
    assert.equal(snapshotGiBOf(a.image), 108);
    const plan = planCleanup([a, b, newest], request().criteria, 'deregister', { ...ctx, pricePerGBMonth: 0.05 });
    assert.equal(plan.totalSnapshotGiB, 138);
    assert.equal(plan.monthlyCost.toFixed(2), '6.90');
  });
});

describe('cleanup plan: the page', () => {
  it('shows each image with age, last launch, references, GiB and cost, the assumption, and why others stay', () => {
    const old = known(image('ami-00000001', 'web-1.0\n# injected', 90, {}, { 'snap-a': 8 }), daysAgo(45), 0);
    const newest = known(image('ami-00000009', 'web-2.0\n# injected', 1));
    const r = request();
    const plan = planCleanup([old, newest], r.criteria, 'deregister', ctx);
    const page = planDocument(plan, r.criteria, ['us-east-1'], true);
    assert.match(page, /^Cleanup plan: Deregister and delete unshared snapshots 1 image \(preview: nothing has changed\)/);
    assert.match(page, /name matches web-\*; older than 30 days; not tagged Latest=true; keeping the newest 1 of each group/);
    assert.match(page, /Region +Image +Name +Age +Last launched +References +Protection +Snapshots +Per month\n/);
    assert.match(page, /us-east-1 +ami-00000001 +web-1\.0 # injected +90 d +2026-10-17 +0 +unknown +8 GiB +\$0\.40\n/);
    assert.match(page, /Snapshot storage: 8 GiB, about \$0\.40 a month\./);
    assert.match(page, /Assumption: full snapshot size × \$0\.05 per GB-month \(setting amiExplorer\.snapshotPricePerGBMonth\)/);
    assert.match(page, /Kept \(1\):[\s\S]*ami-00000009 {2}web-2\.0 # injected {2}one of the newest 1/);
    const ran = planDocument(plan, r.criteria, ['us-east-1'], true, { outcomes: { 'ami-00000001': 'deregistered; deleted snap-a' }, notSearched: ['eu-west-1: AccessDenied'] });
    assert.match(ran, /\(run\)/);
    assert.match(ran, /Not searched: eu-west-1: AccessDenied/);
    assert.match(ran, /Outcome[\s\S]*deregistered; deleted snap-a/);
  });
});
