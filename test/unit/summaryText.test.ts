import * as assert from 'node:assert/strict';
import { summaryFacts, whereText } from '../../src/shared/summaryText';
import { copySummary } from '../../src/actions/copyImage/request';
import { shareSummary } from '../../src/actions/shareImage/request';
import { parseShareRequest } from '../../src/actions/shareImage/request';
import { at } from '../must';

const who = { profile: 'prod', accountId: '123456789012' };

describe('action summaries', () => {
  it('name the account, the profile and every region', () => {
    const summary = { title: 'T', accept: 'Go', regions: ['us-east-1', 'eu-west-1'], lines: ['does a thing'] };
    assert.equal(whereText(summary, who), 'account 123456789012 · profile prod · us-east-1, eu-west-1');
    assert.deepEqual(summaryFacts(summary, who), ['does a thing', 'Account: 123456789012', 'Profile: prod', 'Regions: us-east-1, eu-west-1']);
    assert.deepEqual(summaryFacts({ ...summary, regions: ['us-east-1'] }, { profile: '' }).slice(1),
      ['Account: unknown (sts:GetCallerIdentity failed)', 'Profile: (default credential chain)', 'Region: us-east-1']);
  });

  it('copy: what is created where, under which name and key', () => {
    const s = copySummary({
      imageId: 'ami-0123456789abcdef0', region: 'us-east-1', targetRegions: ['eu-west-1', 'us-east-2'], encrypted: true,
      kmsKeyIds: { 'eu-west-1': 'alias/golden' }, copyTags: true,
    }, { name: 'golden', tags: { A: 'b' } }, 'golden-2026');
    assert.deepEqual(s.regions, ['us-east-1', 'eu-west-1', 'us-east-2']);
    assert.equal(s.accept, 'Copy to 2 regions');
    assert.match(s.lines.join('\n'), /Creates 2 new images named "golden-2026" in eu-west-1 and us-east-2/);
    assert.match(s.lines.join('\n'), /alias\/golden in eu-west-1, the default EBS key in us-east-2/);
    assert.match(s.lines.join('\n'), /Tags: the source's 1 tag$/m);
  });

  it('share: public and snapshot sharing are worded as exposure, and destructive', () => {
    const pub = shareSummary(parseShareRequest({ imageId: 'ami-0123456789abcdef0', region: 'us-east-1', public: true }), { name: 'n' }, []);
    assert.equal(pub.destructive, true);
    assert.equal(pub.accept, 'Make Public');
    assert.match(at(pub.lines, 0, 'summary line'), /PUBLIC: every AWS account/);
    const snaps = shareSummary(parseShareRequest({ imageId: 'ami-0123456789abcdef0', region: 'us-east-1', addAccounts: ['111122223333'], shareSnapshots: true }),
      { name: 'n' }, ['snap-0123456789abcdef0']);
    assert.equal(snaps.destructive, true);
    assert.match(snaps.lines.join('\n'), /Lets 111122223333 create volumes from its snapshots \(snap-0123456789abcdef0\)/);
    const plain = shareSummary(parseShareRequest({ imageId: 'ami-0123456789abcdef0', region: 'us-east-1', addAccounts: ['111122223333'] }), { name: 'n' }, []);
    assert.equal(plain.destructive, false);
  });
});
