import * as assert from 'node:assert/strict';
import { checkRegionsEnabled } from '../../src/aws/knownRegions';
import { copiesSentence, parseCopyRequest, partialFailureMessage, summarizeCopies } from '../../src/actions/copyImage/request';
import { describeLaunchPermissions, emptyPermissionSet, parseShareRequest, shareRefusal, type ShareContext } from '../../src/actions/shareImage/request';

const base = { imageId: 'ami-0123456789abcdef0', region: 'us-west-2' };

describe('copy request', () => {
  it('reads the programmatic argument, one KMS key for every target or one per region', () => {
    const r = parseCopyRequest({ ...base, targetRegions: ['eu-central-1', 'us-east-2'], kmsKeyId: 'alias/golden', copyTags: true });
    assert.deepEqual(r.kmsKeyIds, { 'eu-central-1': 'alias/golden', 'us-east-2': 'alias/golden' });
    assert.equal(r.encrypted, true);
    assert.equal(r.copyTags, true);
    assert.equal(r.name, undefined);
    const per = parseCopyRequest({ ...base, targetRegions: ['eu-central-1', 'us-east-2'], kmsKeyId: { 'eu-central-1': 'alias/eu' } });
    assert.deepEqual(per.kmsKeyIds, { 'eu-central-1': 'alias/eu' });
  });

  it('refuses bad inputs with what to do', () => {
    assert.throws(() => parseCopyRequest({ ...base, targetRegions: [] }), /At least one target region/);
    assert.throws(() => parseCopyRequest({ ...base, targetRegions: ['us-west-2'] }), /must differ from the source region/);
    assert.throws(() => parseCopyRequest({ ...base, targetRegions: ['eu-central-1', 'eu-central-1'] }), /listed twice/);
    assert.throws(() => parseCopyRequest({ ...base, targetRegions: ['eu-central-1'], kmsKeyId: { 'ap-south-1': 'k' } }), /not one of the target regions/);
    assert.throws(() => parseCopyRequest({ ...base, targetRegions: ['eu-central-1'], kmsKeyId: 'k', encrypted: false }), /encrypted is false/);
    assert.throws(() => parseCopyRequest({ ...base, targetRegions: ['eu-central-1'], target: 'x' }), /Unknown option "target"/);
  });

  it('knows regions EC2 does not have, and opt-in regions not enabled', () => {
    const regions = [{ name: 'eu-central-1', optInStatus: 'opt-in-not-required' }, { name: 'me-south-1', optInStatus: 'not-opted-in' }];
    assert.equal(checkRegionsEnabled(['eu-central-1'], regions), undefined);
    assert.match(checkRegionsEnabled(['xx-nowhere-1'], regions) ?? '', /xx-nowhere-1 is not an AWS region this account knows\. Pick from: eu-central-1\./);
    assert.match(checkRegionsEnabled(['me-south-1'], regions) ?? '', /me-south-1 is not enabled for this account/);
  });

  it('sums up per-region outcomes: the copies made and each failure with its reason', () => {
    const summary = summarizeCopies([
      { region: 'eu-central-1', imageId: 'ami-1' },
      { region: 'us-east-2', error: 'the copy is failed (snapshot copy failed)', imageId: 'ami-2' },
      { region: 'ap-south-1', error: 'Access denied' },
    ]);
    assert.deepEqual(summary.copies, { 'eu-central-1': 'ami-1' });
    assert.deepEqual(summary.failures.map((f) => f.region), ['us-east-2', 'ap-south-1']);
    assert.equal(partialFailureMessage('ami-0', summary),
      'Copying ami-0 failed in 2 regions (us-east-2: ami-2: the copy is failed (snapshot copy failed); ap-south-1: Access denied). '
      + 'The other copies succeeded and remain: eu-central-1=ami-1.');
    assert.equal(copiesSentence('ami-0', { a: 'ami-1', b: 'ami-2', c: 'ami-3' }), 'Copied ami-0 to a (ami-1), b (ami-2) and c (ami-3).');
  });
});

describe('share request', () => {
  const ctx: ShareContext = { imageId: base.imageId, region: base.region, ownerId: '123456789012', self: '123456789012', canReadPermissions: true, state: 'available', encrypted: false };

  it('builds one ModifyImageAttribute change from the argument', () => {
    const r = parseShareRequest({ ...base, addAccounts: ['111122223333', '111122223333'], removeOrganizationArns: ['arn:aws:organizations::123456789012:organization/o-abcde12345'], public: false, shareSnapshots: true });
    assert.deepEqual(r.change.add, { ...emptyPermissionSet, accounts: ['111122223333'] });
    assert.deepEqual(r.change.remove, { ...emptyPermissionSet, public: true, organizationArns: ['arn:aws:organizations::123456789012:organization/o-abcde12345'] });
    assert.equal(r.shareSnapshots, true);
  });

  it('refuses malformed ids, conflicts and unknown options', () => {
    assert.throws(() => parseShareRequest({ ...base, addAccounts: ['1234'] }), /"1234" is not an AWS account id/);
    assert.throws(() => parseShareRequest({ ...base, addAccounts: '111122223333' }), /"addAccounts" must be a list/);
    assert.throws(() => parseShareRequest({ ...base, addAccounts: ['111122223333'], removeAccounts: ['111122223333'] }), /both added and removed/);
    assert.throws(() => parseShareRequest({ ...base, public: 'yes' }), /"public" must be true or false/);
  });

  it('refuses public for encrypted images and while block public access is on, and sharing others\' images', () => {
    const pub = { add: { ...emptyPermissionSet, public: true }, remove: emptyPermissionSet };
    assert.equal(shareRefusal(pub, { ...ctx, blockPublicAccess: 'unblocked' }), undefined);
    assert.match(shareRefusal(pub, { ...ctx, blockPublicAccess: 'block-new-sharing' }) ?? '', /aws ec2 disable-image-block-public-access --region us-west-2/);
    assert.match(shareRefusal(pub, { ...ctx, encrypted: true }) ?? '', /cannot make an image with encrypted snapshots public/);
    assert.match(shareRefusal(pub, { ...ctx, ownerId: '111122223333', canReadPermissions: false }) ?? '', /belongs to account 111122223333/);
    const remove = { add: emptyPermissionSet, remove: { ...emptyPermissionSet, accounts: ['111122223333'] } };
    assert.equal(shareRefusal(remove, { ...ctx, state: 'disabled' }), undefined, 'removing access from a disabled image is fine');
    assert.match(shareRefusal(pub, { ...ctx, state: 'pending' }) ?? '', /is pending, not available/);
  });

  it('says who can launch it', () => {
    assert.equal(describeLaunchPermissions(emptyPermissionSet), 'only you (private)');
    assert.equal(describeLaunchPermissions({ ...emptyPermissionSet, public: true, accounts: ['1', '2'] }), 'everyone (public) and accounts 1, 2');
  });
});
