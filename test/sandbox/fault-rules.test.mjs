// Fault rules without a server: what is accepted, what is refused and how it is said, which rule takes a request.
import assert from 'node:assert/strict';
import { FAULT_NAMES, FaultRuleError, RuleSet, parseRules } from '../../sandbox/faults/rules.mjs';

/** @param {unknown} rules @param {RegExp} message */
const refused = (rules, message) =>
  assert.throws(() => parseRules(rules), (error) => {
    assert.ok(error instanceof FaultRuleError);
    assert.match(error.message, message);
    return true;
  });

describe('sandbox fault rules', () => {
  it('fills in the defaults: every region, service and action, latency from the answer, a 1-byte-per-second trickle', () => {
    assert.deepEqual(parseRules([{ fault: 'AccessDenied' }]), [{ fault: 'AccessDenied', region: '*', service: '*', action: '*' }]);
    assert.deepEqual(parseRules([{ fault: 'latency', delayMs: 300 }])[0], { fault: 'latency', region: '*', service: '*', action: '*', delayMs: 300, from: 'answer' });
    assert.deepEqual(parseRules([{ fault: 'trickle' }])[0], { fault: 'trickle', region: '*', service: '*', action: '*', chunkBytes: 1, intervalMs: 1000 });
  });

  it('accepts every fault name, region patterns and lists, action patterns and lists', () => {
    assert.equal(parseRules(FAULT_NAMES.map((fault) => (fault === 'latency' ? { fault, delayMs: 1 } : { fault }))).length, 12);
    const [rule] = parseRules([{ fault: 'hang', region: ['eu-*', 'us-gov-west-1'], service: 'ec2', action: ['Describe*', 'CopyImage'], times: 2 }]);
    assert.deepEqual(rule, { fault: 'hang', region: ['eu-*', 'us-gov-west-1'], service: 'ec2', action: ['Describe*', 'CopyImage'], times: 2 });
  });

  it('names the rule and the field of what it refuses', () => {
    refused({ fault: 'hang' }, /rules must be a list of rule objects/);
    refused(['hang'], /rule 1 is not an object/);
    refused([{ fault: 'hang' }, { fault: 'Access Denied' }], /rule 2: unknown fault "Access Denied"; use one of latency, hang, .*AuthFailure/);
    refused([{ fault: 'AccessDenied', region: 'euwest1' }], /rule 1 \(AccessDenied\) field "region": bad region pattern "euwest1"; use "\*", a region such as "eu-west-1", or a pattern such as "eu-\*"/);
    refused([{ fault: 'AccessDenied', region: 'EU-*' }], /bad region pattern "EU-\*"/);
    refused([{ fault: 'AccessDenied', region: [] }], /field "region" is an empty list/);
    refused([{ fault: 'AccessDenied', service: 's3' }], /field "service" is "s3"; use one of ec2, sts, kms, rbin, iam, \*/);
    refused([{ fault: 'AccessDenied', action: 'describeImages' }], /bad action "describeImages"; use "\*", an API name such as "DescribeImages" \(case-sensitive\)/);
    refused([{ fault: 'AccessDenied', regoin: 'eu-west-1' }], /rule 1: "regoin" is not a field of an AccessDenied rule; its fields are fault, region, service, action, times, delayMs, status, code, message/);
    refused([{ fault: 'hang', delayMs: 5 }], /"delayMs" is not a field of a hang rule/);
    refused([{ fault: 'AccessDenied', chunkBytes: 5 }], /"chunkBytes" is not a field of an AccessDenied rule/);
    refused([{ fault: 'latency' }], /field "delayMs" is required/);
    refused([{ fault: 'latency', delayMs: -1 }], /field "delayMs" is -1; use a number from 0 to 3600000/);
    refused([{ fault: 'latency', delayMs: 5, from: 'now' }], /field "from" is "now"; use one of answer, arrival/);
    refused([{ fault: 'InternalError', times: 0 }], /field "times" is 0; use a whole number of at least 1/);
    refused([{ fault: 'InternalError', times: 1.5 }], /field "times" is 1.5; use a whole number of at least 1/);
    refused([{ fault: 'InternalError', status: 200 }], /field "status" is 200; use a whole number from 400 to 599/);
    refused([{ fault: 'AuthFailure', code: 'not a code' }], /field "code" is "not a code"; use an AWS error code/);
  });

  describe('choosing the rule for a request', () => {
    /** @param {unknown[]} rules */
    const ruleSet = (rules) => {
      const set = new RuleSet();
      set.add(parseRules(rules));
      return set;
    };
    const describeImages = (region = 'us-east-1', service = 'ec2') => ({ region, service, action: 'DescribeImages' });

    it('matches region, service and action, with patterns', () => {
      const set = ruleSet([{ fault: 'AccessDenied', region: 'eu-*', service: 'ec2', action: 'Describe*' }]);
      assert.equal(set.take(describeImages('eu-west-1'))?.fault, 'AccessDenied');
      assert.equal(set.take(describeImages('us-east-1')), undefined);
      assert.equal(set.take(describeImages('eu-west-1', 'sts')), undefined);
      assert.equal(set.take({ region: 'eu-west-1', service: 'ec2', action: 'CopyImage' }), undefined);
      assert.deepEqual(set.list().map(({ seen, injected }) => ({ seen, injected })), [{ seen: 1, injected: 1 }]);
    });

    it('takes the first rule that matches and has times left, then the next', () => {
      const set = ruleSet([
        { fault: 'InternalError', region: 'eu-west-1', times: 2 },
        { fault: 'latency', delayMs: 10 },
      ]);
      const taken = Array.from({ length: 3 }, () => set.take(describeImages('eu-west-1'))?.fault);
      assert.deepEqual(taken, ['InternalError', 'InternalError', 'latency']);
      assert.equal(set.take(describeImages('us-east-1'))?.fault, 'latency');
      assert.deepEqual(set.list().map(({ seen, injected }) => ({ seen, injected })), [{ seen: 3, injected: 2 }, { seen: 2, injected: 2 }]);
    });

    it('zeroing the counters does not give a rule its times back', () => {
      const set = ruleSet([{ fault: 'InternalError', times: 1 }]);
      set.take(describeImages());
      set.resetCounters();
      assert.equal(set.take(describeImages()), undefined);
      assert.deepEqual(set.list().map(({ seen, injected }) => ({ seen, injected })), [{ seen: 1, injected: 0 }]);
    });
  });
});
