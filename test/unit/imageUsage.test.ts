import * as assert from 'node:assert/strict';
import { batches, imagesPerReferenceCall, referenceNames, referencesOf } from '../../src/aws/imageUsage';
import { resourceOf, type ImageReference } from '../../src/aws/usageModel';
import { inAccountUsage } from '../../src/shared/imageUsage';
import { accountsOf, accountsText, countsText, groupReferences, inAccountText, resourcesText, usedByText } from '../../src/shared/usageText';

const account = '123456789012';
const id = (n: number) => `ami-${n.toString(16).padStart(17, '0')}`;
const instanceArn = (i: string) => `arn:aws:ec2:us-east-1:${account}:instance/${i}`;
const templateArn = (t: string) => `arn:aws:ec2:us-east-1:${account}:launch-template/${t}`;
const parameterArn = (p: string) => `arn:aws:ssm:us-east-1:${account}:parameter/${p}`;

/** A fake façade: each image id is used by one instance; every call is recorded. */
function fakeAws() {
  const calls: string[][] = [];
  return {
    calls,
    imageReferences: (_region: string, ids: readonly string[]): Promise<ImageReference[]> => {
      calls.push([...ids]);
      assert.ok(ids.length <= imagesPerReferenceCall, `at most ${imagesPerReferenceCall} ids a call, not ${ids.length}`);
      return Promise.resolve(ids.map((imageId, i) => ({ imageId, resourceType: 'ec2:Instance', arn: instanceArn(`i-${imageId.slice(-4)}${i}`) })));
    },
  };
}

describe('image usage: batching', () => {
  it('cuts a list into runs of at most the size, in order', () => {
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(batches([], 10), []);
    assert.deepEqual(batches(Array.from({ length: 100 }, (_, i) => i), 10).map((b) => b.length), Array(10).fill(10));
  });

  it('asks DescribeImageReferences 10 images a call: 100 images, 10 calls; duplicates once', async () => {
    const aws = fakeAws();
    const ids = Array.from({ length: 100 }, (_, i) => id(i));
    const byImage = await referencesOf(aws, 'us-east-1', [...ids, ids[0]!, ids[1]!]);
    assert.equal(aws.calls.length, 10);
    assert.deepEqual(aws.calls.flat(), ids, 'each id asked once, in order');
    assert.equal(byImage.size, 100);
    assert.ok([...byImage.values()].every((refs) => refs.length === 1));
  });

  it('gives every id asked for an entry, empty when nothing uses it', async () => {
    const byImage = await referencesOf({ imageReferences: () => Promise.resolve([]) }, 'us-east-1', [id(1), id(2)]);
    assert.deepEqual([...byImage], [[id(1), []], [id(2), []]]);
  });

  it('fails when EC2 does: a failed lookup is never "nothing uses it"', async () => {
    const denied = { imageReferences: () => Promise.reject(new Error('Access denied: ec2:DescribeImageReferences')) };
    await assert.rejects(referencesOf(denied, 'us-east-1', [id(1)]), /Access denied/);
    await assert.rejects(inAccountUsage({ ...denied, instanceNames: () => Promise.resolve({}), launchTemplateNames: () => Promise.resolve({}) }, 'us-east-1', [id(1)]), /Access denied/);
  });

  it('names instances and launch templates in batches of 200; a failed name lookup leaves names out, not references', async () => {
    const refs: ImageReference[] = [
      ...Array.from({ length: 450 }, (_, i) => ({ imageId: id(1), resourceType: 'ec2:Instance', arn: instanceArn(`i-${i}`) })),
      { imageId: id(1), resourceType: 'ec2:LaunchTemplate', arn: templateArn('lt-1') },
      { imageId: id(1), resourceType: 'ssm:Parameter', arn: parameterArn('golden/web') },
    ];
    const asked: number[] = [];
    const names = await referenceNames({
      instanceNames: (_r, ids) => {
        asked.push(ids.length);
        return Promise.resolve(Object.fromEntries(ids.filter((i) => i === 'i-7').map((i) => [i, 'web-7'])));
      },
      launchTemplateNames: () => Promise.reject(new Error('denied')),
    }, 'us-east-1', refs);
    assert.deepEqual(asked, [200, 200, 50]);
    assert.deepEqual(names, { [instanceArn('i-7')]: 'web-7' });
  });
});

describe('image usage: ARNs, grouping and wording', () => {
  it('reads the resource an ARN names', () => {
    assert.deepEqual(resourceOf(instanceArn('i-0abc')), { kind: 'instance', id: 'i-0abc' });
    assert.deepEqual(resourceOf(templateArn('lt-0abc')), { kind: 'launch-template', id: 'lt-0abc' });
    assert.deepEqual(resourceOf(parameterArn('golden/pettracker/latest')), { kind: 'parameter', id: '/golden/pettracker/latest' });
    assert.deepEqual(resourceOf(parameterArn('flat-name')), { kind: 'parameter', id: 'flat-name' });
    assert.deepEqual(resourceOf(`arn:aws:imagebuilder:us-east-1:${account}:image-recipe/web/1.0.2`), { kind: 'image-recipe', id: 'web 1.0.2' });
  });

  const refs: ImageReference[] = [
    { imageId: id(1), resourceType: 'ssm:Parameter', arn: parameterArn('golden/web') },
    { imageId: id(1), resourceType: 'ec2:Instance', arn: instanceArn('i-2') },
    { imageId: id(1), resourceType: 'ec2:LaunchTemplate', arn: templateArn('lt-1') },
    { imageId: id(1), resourceType: 'ec2:Instance', arn: instanceArn('i-1') },
    { imageId: id(1), resourceType: 'ec2:Instance', arn: instanceArn('i-1') },
  ];
  const names = { [instanceArn('i-2')]: 'api-2', [instanceArn('i-1')]: 'api-1', [templateArn('lt-1')]: 'web-template' };

  it('groups by kind in a fixed order, each resource once, by name', () => {
    const groups = groupReferences(refs, names);
    assert.deepEqual(groups.map((g) => `${g.heading}: ${g.items.map((i) => i.name ?? i.id).join(', ')}`), [
      'Instances: api-1, api-2',
      'Launch templates: web-template',
      'SSM parameters: /golden/web',
    ]);
  });

  it('words counts and names, and a failed check as a failure', () => {
    const groups = groupReferences(refs, names);
    assert.equal(countsText(groups), '2 instances, 1 launch template and 1 SSM parameter');
    assert.equal(usedByText(groups, 1), '2 instances (api-1 and 1 more), 1 launch template (web-template) and 1 SSM parameter (/golden/web)');
    assert.equal(inAccountText({ groups }), `used by ${usedByText(groups)}`);
    assert.equal(inAccountText({ groups: [] }), 'no instance, launch template, SSM parameter or Image Builder recipe of this account uses it');
    assert.equal(inAccountText({ error: 'Access denied.' }), 'could not check usage: Access denied.');
  });

  it('sums report entries per account, leaving out zeros', () => {
    const accounts = accountsOf([
      { accountId: '444455556666', resourceType: 'ec2:LaunchTemplate', usageCount: 1 },
      { accountId: '444455556666', resourceType: 'ec2:Instance', usageCount: 2 },
      { accountId: '111122223333', resourceType: 'ec2:Instance', usageCount: 0 },
      { accountId: '210987654321', resourceType: 'ec2:Instance', usageCount: 5 },
    ]);
    assert.deepEqual(accounts, [
      { accountId: '210987654321', resources: { 'ec2:Instance': 5 } },
      { accountId: '444455556666', resources: { 'ec2:LaunchTemplate': 1, 'ec2:Instance': 2 } },
    ]);
    assert.equal(resourcesText(accounts[1]!.resources), '2 instances and 1 launch template');
    assert.equal(accountsText(accounts, 1), '2 other accounts use it: 210987654321 (5 instances) and 1 more');
    assert.equal(accountsText([]), 'no other account uses it');
  });
});
