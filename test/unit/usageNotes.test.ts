import * as assert from 'node:assert/strict';
import { imageUsageLine, usageConsequence } from '../../src/actions/deregisterImage/usageNote';
import type { UsageCheck } from '../../src/actions/common/deregistration';
import { excludeGlobOf, excludeMatcherOf, expandBraces, globToRegExp, lineOf, lineStarts } from '../../src/code/mentionText';
import { pollUntil } from '../../src/shared/poll';
import { groupReferences } from '../../src/shared/usageText';

const image = { id: 'ami-0123456789abcdef0', name: 'pettracker-ml-v1.2', region: 'us-east-1' };
const arn = (kind: string, id: string) => `arn:aws:ec2:us-east-1:123456789012:${kind}/${id}`;

function checked(refs: { type: string; arn: string }[], names: Record<string, string> = {}): UsageCheck {
  const references = refs.map((r) => ({ imageId: image.id, resourceType: r.type, arn: r.arn }));
  return { byImage: new Map([[image.id, { references, groups: groupReferences(references, names) }]]) };
}

describe('deregister: what uses the image, as EC2 says', () => {
  const used = checked(
    [{ type: 'ec2:Instance', arn: arn('instance', 'i-1') }, { type: 'ec2:LaunchTemplate', arn: arn('launch-template', 'lt-1') }],
    { [arn('instance', 'i-1')]: 'pettracker-api-1', [arn('launch-template', 'lt-1')]: 'pettracker-web' },
  );

  it('names the instances and launch templates that use it, with counts', () => {
    assert.equal(imageUsageLine(image, ['i-1'], used),
      'pettracker-ml-v1.2 (ami-0123456789abcdef0, us-east-1): used by 1 instance (pettracker-api-1) and 1 launch template (pettracker-web)');
    assert.equal(usageConsequence([image], [used], true),
      'The 1 instance above keeps running, but no new instance can be launched from this image: the 1 launch template above will fail to launch.');
  });

  it('says nothing uses it only when EC2 checked and found nothing', () => {
    const none = checked([]);
    assert.match(imageUsageLine(image, [], none), /no instance, launch template, SSM parameter or Image Builder recipe of this account uses it$/);
    assert.equal(usageConsequence([image], [none], false), 'No new instance can be launched from this image; EC2 reports nothing of this account that uses it.');
  });

  it('says the check failed, and why, instead of guessing', () => {
    const failed: UsageCheck = { error: 'Access denied: the default credential chain is not allowed to call ec2:DescribeImageReferences in us-east-1.' };
    assert.equal(imageUsageLine(image, ['i-1'], failed),
      'pettracker-ml-v1.2 (ami-0123456789abcdef0, us-east-1): 1 instance still runs from it (i-1); could not check usage: Access denied: the default credential chain is not allowed to call ec2:DescribeImageReferences in us-east-1.');
    assert.doesNotMatch(usageConsequence([image], [failed], true), /nothing/);
    assert.match(usageConsequence([image, image], [failed], false), /these images; whatever still names them/);
  });
});

describe('workspace search helpers', () => {
  it('joins the exclude settings switched on into one glob, expanding braces', () => {
    assert.equal(excludeGlobOf({ '**/.git': true, '**/tmp': false, '**/*.{js,map}': true, '**/x': { when: '$(basename).ts' } }, { '**/node_modules': true, '**/.git': true }),
      '{**/.git,**/*.js,**/*.map,**/node_modules}');
    assert.equal(excludeGlobOf({}, undefined), undefined);
    assert.deepEqual(expandBraces('a/{b,c}/{d,e}'), ['a/b/d', 'a/b/e', 'a/c/d', 'a/c/e']);
  });

  it('numbers lines from offsets', () => {
    const starts = lineStarts('one\ntwo\n\nfour');
    assert.deepEqual(starts, [0, 4, 8, 9]);
    assert.deepEqual([0, 3, 4, 8, 9, 12].map((o) => lineOf(starts, o)), [0, 0, 1, 2, 3, 3]);
  });
});

describe('pollUntil', () => {
  /** A clock that sleeping moves forward. */
  function clock() {
    let t = 0;
    const slept: number[] = [];
    return { now: () => t, sleep: (ms: number) => { slept.push(ms); t += ms; return Promise.resolve(); }, slept };
  }

  it('reads until done, backing off, the last interval repeating', async () => {
    const c = clock();
    const states = ['pending', 'pending', 'pending', 'pending', 'available'];
    const result = await pollUntil(() => Promise.resolve(states.shift()!), (s) => s === 'available', { intervalsMs: [1, 2, 5], deadlineMs: 1000, ...c });
    assert.deepEqual(result, { value: 'available', done: true, reads: 5 });
    assert.deepEqual(c.slept, [1, 2, 5, 5]);
  });

  it('stops at the deadline with the last value, never sleeping past it', async () => {
    const c = clock();
    const result = await pollUntil(() => Promise.resolve('pending'), () => false, { intervalsMs: [40], deadlineMs: 100, ...c });
    assert.deepEqual(result, { value: 'pending', done: false, reads: 4 });
    assert.deepEqual(c.slept, [40, 40, 20]);
  });

  it('ends at once on cancel, and passes a failed read on', async () => {
    const abort = new AbortController();
    let reads = 0;
    const polling = pollUntil(() => {
      reads++;
      return Promise.resolve('pending');
    }, () => false, { intervalsMs: [60_000], deadlineMs: 600_000, signal: abort.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    await assert.rejects(polling, (e: Error) => e.name === 'AbortError');
    assert.equal(reads, 1);
    await assert.rejects(pollUntil(() => Promise.reject(new Error('throttled')), () => false, { intervalsMs: [1], deadlineMs: 10 }), /throttled/);
  });
});

describe('exclude settings as a matcher (the walk when file search is unavailable)', () => {
  it('hides what VS Code hides: folders anywhere, extensions, root-anchored paths', () => {
    const excluded = excludeMatcherOf({ '**/.git': true, '**/*.{log,tmp}': true, 'out': true, '**/keep': false }, { '**/node_modules': true });
    const hidden = ['.git', 'a/.git', 'node_modules', 'pkg/node_modules', 'x.log', 'a/b/c.tmp', 'out'];
    const shown = ['src', 'a/out', 'git', 'main.tf', 'a/keep', 'logs/app.txt', 'node_modules_backup'];
    assert.deepEqual(hidden.filter((p) => !excluded(p)), []);
    assert.deepEqual(shown.filter(excluded), []);
    assert.ok(globToRegExp('**/file?.[ch]').test('src/file1.c'));
    assert.ok(!globToRegExp('**/file?.[ch]').test('src/file10.c'));
  });
});
