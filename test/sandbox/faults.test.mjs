// The fault proxy in front of the sandbox, as the AWS SDK sees it: each fault class, targeting, `times`, retries,
// concurrent latency, hangs, trickles, resets and the counters. Timing checks compare with bounds that a serial or
// stuck proxy could not meet, with wide margins, never with a tight expected time.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreateVolumeCommand, DescribeRegionsCommand, DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListInstanceProfilesCommand } from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { addFaults, clearFaults, faultStats, resetFaultStats, setFaults } from '../../sandbox/faults/client.mjs';
import { startFaultProxy } from '../../sandbox/faults/proxy.mjs';
import { sandbox } from './fixture.mjs';

const CLI = fileURLToPath(new URL('../../sandbox/faults.mjs', import.meta.url));
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const describeRegions = () => new DescribeRegionsCommand({});
const requestId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** @type {{ destroy(): void }[]} */
const clients = [];
after(() => clients.forEach((c) => c.destroy()));

/**
 * SDK clients on `endpoint`; one attempt unless said otherwise, so a test sees each fault once.
 * @param {string} endpoint
 */
function sdk(endpoint) {
  /** @template {{ destroy(): void }} C @param {C} client */
  const keep = (client) => (clients.push(client), client);
  return {
    ec2: (region = 'us-east-1', maxAttempts = 1) => keep(new EC2Client({ endpoint, region, credentials, maxAttempts })),
    sts: (region = 'us-east-1') => keep(new STSClient({ endpoint, region, credentials, maxAttempts: 1 })),
    kms: (region = 'us-east-1') => keep(new KMSClient({ endpoint, region, credentials, maxAttempts: 1 })),
    iam: () => keep(new IAMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 })),
  };
}

/** The error `promise` rejects with. @param {Promise<unknown>} promise */
async function failure(promise) {
  try {
    await promise;
  } catch (error) {
    return /** @type {any} */ (error);
  }
  assert.fail('expected the call to fail, but it succeeded');
}

/** @template T @param {() => Promise<T>} fn */
async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Waits until `check()` holds, polling; fails after `ms`. @param {() => Promise<boolean>} check */
async function until(check, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`condition not met within ${ms} ms: ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sandbox fault proxy', function () {
  this.timeout(60_000);
  /** @type {string} */
  let endpoint;
  /** @type {ReturnType<typeof sdk>} */
  let aws;

  before(async () => {
    ({ endpoint } = (await sandbox()).moto);
    aws = sdk(endpoint);
  });
  afterEach(() => clearFaults(endpoint));

  it('passes every call through while no rule is set, counting it', async () => {
    await resetFaultStats(endpoint);
    const { Regions = [] } = await aws.ec2('eu-west-1').send(describeRegions());
    assert.ok(Regions.some((r) => r.RegionName === 'ap-southeast-2'));
    assert.equal((await aws.sts().send(new GetCallerIdentityCommand({}))).Account, '123456789012');
    const { regions } = await faultStats(endpoint);
    assert.deepEqual(regions['eu-west-1'].actions.DescribeRegions, { seen: 1, injected: 0, inFlight: 0, peakInFlight: 1 });
    assert.equal(regions['us-east-1'].services.sts.seen, 1);
  });

  describe('AWS errors', () => {
    const cases = /** @type {const} */ ([
      ['RequestLimitExceeded', 503, 'server'],
      ['Throttling', 400, 'client'],
      ['InternalError', 500, 'server'],
      ['Unavailable', 503, 'server'],
      ['AccessDenied', 403, 'client'],
      ['UnauthorizedOperation', 403, 'client'],
      ['OptInRequired', 401, 'client'],
      ['AuthFailure', 401, 'client'],
    ]);
    for (const [fault, status, side] of cases) {
      it(`${fault}: HTTP ${status}, parsed by the EC2 client as ${fault}`, async () => {
        await setFaults(endpoint, [{ fault }]);
        const error = await failure(aws.ec2('eu-west-1').send(describeRegions()));
        assert.equal(error.name, fault);
        assert.equal(error.$fault, side);
        assert.equal(error.$metadata.httpStatusCode, status);
        assert.match(error.$metadata.requestId, requestId);
        assert.equal(error.$metadata.attempts, 1);
        assert.ok(error.message.length > 5, `a message as EC2 gives: ${error.message}`);
      });
    }

    it('UnauthorizedOperation names the action and the denying policy, as EC2 does', async () => {
      await setFaults(endpoint, [{ fault: 'UnauthorizedOperation' }]);
      const error = await failure(aws.ec2().send(describeRegions()));
      assert.match(error.message, /^You are not authorized to perform this operation\. User: arn:aws:iam::123456789012:user\/sandbox is not authorized to perform: ec2:DescribeRegions with an explicit deny in a service control policy$/);
    });

    it('STS and KMS answer in their own protocols', async () => {
      await setFaults(endpoint, [{ fault: 'AccessDenied' }]);
      const sts = await failure(aws.sts().send(new GetCallerIdentityCommand({})));
      assert.equal(sts.name, 'AccessDenied');
      assert.equal(sts.$metadata.httpStatusCode, 403);
      assert.match(sts.message, /not authorized to perform: sts:GetCallerIdentity/);
      const kms = await failure(aws.kms().send(new ListKeysCommand({})));
      assert.equal(kms.name, 'AccessDeniedException');
      assert.equal(kms.$metadata.httpStatusCode, 400);
      assert.match(kms.message, /not authorized to perform: kms:ListKeys/, 'the action comes from X-Amz-Target');
      assert.match(kms.$metadata.requestId, requestId);

      await setFaults(endpoint, [{ fault: 'AuthFailure' }]);
      assert.equal((await failure(aws.sts().send(new GetCallerIdentityCommand({})))).name, 'InvalidClientTokenId');
      assert.equal((await failure(aws.kms().send(new ListKeysCommand({})))).name, 'UnrecognizedClientException');
      await setFaults(endpoint, [{ fault: 'OptInRequired', service: 'sts' }]);
      assert.equal((await failure(aws.sts('ap-southeast-2').send(new GetCallerIdentityCommand({})))).name, 'RegionDisabledException');
    });

    it('IAM answers in its own protocol too, and a rule can take it alone', async () => {
      await setFaults(endpoint, [{ fault: 'AccessDenied', service: 'iam', action: 'ListInstanceProfiles' }]);
      const iam = await failure(aws.iam().send(new ListInstanceProfilesCommand({})));
      assert.equal(iam.name, 'AccessDenied');
      assert.equal(iam.$metadata.httpStatusCode, 403);
      assert.match(iam.message, /not authorized to perform: iam:ListInstanceProfiles/);
      assert.match(iam.$metadata.requestId, requestId);
      assert.equal((await aws.sts().send(new GetCallerIdentityCommand({}))).Account, '123456789012', 'other services pass');
    });

    it('a rule can override the status, code and message', async () => {
      await setFaults(endpoint, [{ fault: 'AuthFailure', service: 'sts', status: 403, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match' }]);
      const error = await failure(aws.sts().send(new GetCallerIdentityCommand({})));
      assert.equal(error.name, 'SignatureDoesNotMatch');
      assert.equal(error.$metadata.httpStatusCode, 403);
      assert.equal(error.message, 'The request signature we calculated does not match');
    });

    it('an injected error never reaches moto: nothing is created', async () => {
      const client = aws.ec2('ca-central-1');
      const volumes = async () => (await client.send(new DescribeVolumesCommand({}))).Volumes?.length ?? 0;
      const before = await volumes();
      await setFaults(endpoint, [{ fault: 'InternalError', action: 'CreateVolume' }]);
      await failure(client.send(new CreateVolumeCommand({ AvailabilityZone: 'ca-central-1a', Size: 8 })));
      assert.equal(await volumes(), before);
    });
  });

  describe('targeting', () => {
    it('a fault in eu-west-1 leaves us-east-1 working', async () => {
      await setFaults(endpoint, [{ fault: 'AccessDenied', region: 'eu-west-1' }]);
      assert.equal((await failure(aws.ec2('eu-west-1').send(describeRegions()))).name, 'AccessDenied');
      assert.ok((await aws.ec2('us-east-1').send(describeRegions())).Regions?.length);
      assert.ok((await aws.ec2('ap-southeast-2').send(describeRegions())).Regions?.length);
    });

    it('by action, service, region pattern and region list', async () => {
      await setFaults(endpoint, [{ fault: 'UnauthorizedOperation', region: 'eu-*', action: 'DescribeVolumes' }]);
      assert.equal((await failure(aws.ec2('eu-north-1').send(new DescribeVolumesCommand({})))).name, 'UnauthorizedOperation');
      await aws.ec2('eu-north-1').send(describeRegions());
      await aws.ec2('us-east-1').send(new DescribeVolumesCommand({}));

      await setFaults(endpoint, [{ fault: 'AccessDenied', service: 'sts' }]);
      await aws.ec2().send(describeRegions());
      assert.equal((await failure(aws.sts().send(new GetCallerIdentityCommand({})))).name, 'AccessDenied');

      await setFaults(endpoint, [{ fault: 'OptInRequired', region: ['eu-west-1', 'ap-southeast-2'] }]);
      for (const region of ['eu-west-1', 'ap-southeast-2']) assert.equal((await failure(aws.ec2(region).send(describeRegions()))).name, 'OptInRequired');
      await aws.ec2('eu-west-2').send(describeRegions());
    });

    it('times: only the first N matching calls, then the next rule', async () => {
      await setFaults(endpoint, [{ fault: 'InternalError', times: 2 }, { fault: 'AccessDenied', region: 'eu-west-1' }]);
      const client = aws.ec2('eu-west-1');
      const names = [];
      for (let i = 0; i < 3; i++) names.push((await failure(client.send(describeRegions()))).name);
      assert.deepEqual(names, ['InternalError', 'InternalError', 'AccessDenied']);
      await aws.ec2('us-east-1').send(describeRegions());
      const { rules } = await faultStats(endpoint);
      assert.deepEqual(rules.map(({ seen, injected }) => ({ seen, injected })), [{ seen: 4, injected: 2 }, { seen: 1, injected: 1 }]);
    });

    it('addFaults appends after the current rules', async () => {
      await setFaults(endpoint, [{ fault: 'AccessDenied', region: 'eu-west-1' }]);
      await addFaults(endpoint, [{ fault: 'AuthFailure' }]);
      assert.equal((await failure(aws.ec2('eu-west-1').send(describeRegions()))).name, 'AccessDenied');
      assert.equal((await failure(aws.ec2('us-east-1').send(describeRegions()))).name, 'AuthFailure');
    });

    it('a bad rule is refused with its reason, and the rules in force stay', async () => {
      await setFaults(endpoint, [{ fault: 'AccessDenied', region: 'eu-west-1' }]);
      await assert.rejects(setFaults(endpoint, [/** @type {any} */ ({ fault: 'Denied' })]), /setFaults: rule 1: unknown fault "Denied"; use one of/);
      await assert.rejects(setFaults(endpoint, [{ fault: 'hang', region: 'Europe' }]), /bad region pattern "Europe"/);
      assert.deepEqual((await faultStats(endpoint)).rules.map((r) => r.fault), ['AccessDenied']);
    });

    it('says so when the endpoint has no fault proxy', async () => {
      const { motoEndpoint } = (await sandbox()).moto;
      await assert.rejects(faultStats(motoEndpoint), /faultStats: no fault proxy answers at http:\/\/127\.0\.0\.1:\d+\/__faults \(HTTP 404\)/);
    });
  });

  describe('retries', () => {
    it('the SDK retries throttling, and succeeds once the throttling stops', async () => {
      await setFaults(endpoint, [{ fault: 'RequestLimitExceeded', times: 2 }]);
      const out = await aws.ec2('us-east-1', 3).send(describeRegions());
      assert.equal(out.$metadata.attempts, 3);
      assert.ok(/** @type {number} */ (out.$metadata.totalRetryDelay) > 0, 'the SDK backs off between attempts');
      assert.deepEqual((await faultStats(endpoint)).rules.map(({ seen, injected }) => ({ seen, injected })), [{ seen: 3, injected: 2 }]);
    });

    it('the SDK gives up after its attempts on Throttling (400), InternalError and Unavailable, and never retries denials', async () => {
      const cases = /** @type {const} */ ([['Throttling', 3], ['InternalError', 3], ['Unavailable', 3], ['AccessDenied', 1], ['AuthFailure', 1]]);
      for (const [fault, attempts] of cases) {
        await setFaults(endpoint, [{ fault }]);
        const error = await failure(aws.ec2('us-east-1', 3).send(describeRegions()));
        assert.equal(error.name, fault);
        assert.equal(error.$metadata.attempts, attempts, fault);
        assert.equal((await faultStats(endpoint)).rules[0].injected, attempts, fault);
      }
    });
  });

  describe('latency', () => {
    const D = 300;
    const N = 10;

    it(`delays calls concurrently: ${N} parallel calls delayed ${D} ms take about ${D} ms, not ${N} × ${D}`, async () => {
      await setFaults(endpoint, [{ fault: 'latency', delayMs: D, region: 'us-east-2' }]);
      await resetFaultStats(endpoint);
      const client = aws.ec2('us-east-2');
      const { ms: wall, value: each } = await timed(() => Promise.all(Array.from({ length: N }, () => timed(() => client.send(describeRegions())))));
      assert.ok(each.every((call) => call.ms >= D - 1), `every call waits at least ${D} ms: ${each.map((c) => Math.round(c.ms))}`);
      assert.ok(wall < (N * D) / 2, `${N} calls took ${Math.round(wall)} ms, which is not far below the serial ${N * D} ms`);
      const region = (await faultStats(endpoint)).regions['us-east-2'];
      assert.equal(region.peakInFlight, N, 'all calls were in the proxy at once');
      assert.equal(region.injected, N);
    });

    it('from arrival: the answer comes no sooner than the delay after the request arrived', async () => {
      await setFaults(endpoint, [{ fault: 'latency', delayMs: D, from: 'arrival' }]);
      const { ms } = await timed(() => aws.ec2().send(describeRegions()));
      assert.ok(ms >= D - 1 && ms < 3 * D, `took ${Math.round(ms)} ms`);
    });

    it('delays an error fault too', async () => {
      await setFaults(endpoint, [{ fault: 'RequestLimitExceeded', delayMs: D }]);
      const { ms, value: error } = await timed(() => failure(aws.ec2().send(describeRegions())));
      assert.equal(error.name, 'RequestLimitExceeded');
      assert.ok(ms >= D - 1, `took ${Math.round(ms)} ms`);
    });
  });

  describe('hangs, trickles and resets', () => {
    const held = async (/** @type {number} */ n) => (await faultStats(endpoint)).held === n;

    it('a hung call waits until the client aborts it, while other regions are served', async () => {
      await setFaults(endpoint, [{ fault: 'hang', region: 'eu-west-1' }]);
      const abort = new AbortController();
      const hung = failure(aws.ec2('eu-west-1').send(describeRegions(), { abortSignal: abort.signal }));
      await until(() => held(1));
      assert.ok((await aws.ec2('us-east-1').send(describeRegions())).Regions?.length);
      abort.abort();
      assert.equal((await hung).name, 'AbortError');
      await until(() => held(0));
      assert.equal((await faultStats(endpoint)).regions['eu-west-1'].inFlight, 0, 'the aborted call is no longer in flight');
    });

    it('clearing the rules closes hung calls; with held=release they get their answer', async () => {
      await setFaults(endpoint, [{ fault: 'hang' }]);
      const closed = failure(aws.ec2().send(describeRegions()));
      await until(() => held(1));
      await clearFaults(endpoint);
      const error = await closed;
      assert.equal(error.code, 'ECONNRESET', `${error.name}: ${error.message}`);

      await setFaults(endpoint, [{ fault: 'hang' }]);
      const released = aws.ec2().send(describeRegions());
      await until(() => held(1));
      await clearFaults(endpoint, { held: 'release' });
      assert.ok((await released).Regions?.length);
    });

    it('stopping the proxy ends hung calls at once', async () => {
      const { motoEndpoint } = (await sandbox()).moto;
      const proxy = await startFaultProxy({ target: motoEndpoint });
      proxy.setRules([{ fault: 'hang' }]);
      const hung = failure(sdk(proxy.endpoint).ec2().send(describeRegions()));
      await until(async () => proxy.stats().held === 1);
      const { ms } = await timed(() => proxy.close());
      assert.ok(ms < 2_000, `close() took ${Math.round(ms)} ms`);
      assert.equal((await hung).code, 'ECONNRESET');
      assert.equal((await failure(sdk(proxy.endpoint).ec2().send(describeRegions()))).code, 'ECONNREFUSED');
    });

    it('a trickle sends the headers at once and the body a chunk at a time', async () => {
      const chunkBytes = 512;
      const intervalMs = 25;
      await setFaults(endpoint, [{ fault: 'trickle', chunkBytes, intervalMs }]);
      // fetch, not the SDK, to see when the headers arrive; moto routes by the credential scope and checks no signature.
      const { ms: headersMs, value: response } = await timed(() =>
        fetch(endpoint, {
          method: 'POST',
          headers: {
            authorization: 'AWS4-HMAC-SHA256 Credential=testing/20261201/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'Action=DescribeRegions&Version=2016-11-15',
        }),
      );
      const { ms: bodyMs, value: body } = await timed(() => response.text());
      const writes = Math.ceil(Buffer.byteLength(body) / chunkBytes);
      assert.match(body, /<regionName>eu-west-1<\/regionName>[^]*<\/DescribeRegionsResponse>\s*$/);
      assert.ok(writes > 3, `a body of ${writes} chunks`);
      assert.ok(headersMs < bodyMs, `headers after ${Math.round(headersMs)} ms, then the body in ${Math.round(bodyMs)} ms`);
      assert.ok(bodyMs >= (writes - 1) * intervalMs * 0.9, `${writes} chunks ${intervalMs} ms apart arrived in ${Math.round(bodyMs)} ms`);
    });

    it('a trickle reaches the SDK complete, and release sends the rest at once', async () => {
      await setFaults(endpoint, [{ fault: 'trickle', chunkBytes: 1024, intervalMs: 5 }]);
      assert.ok((await aws.ec2().send(describeRegions())).Regions?.some((r) => r.RegionName === 'eu-west-1'));
      await setFaults(endpoint, [{ fault: 'trickle' }]);
      const slow = aws.ec2().send(describeRegions());
      await until(() => held(1));
      await clearFaults(endpoint, { held: 'release' });
      assert.ok((await slow).Regions?.length);
    });

    it('a reset drops the connection before any answer; the SDK retries it as transient', async () => {
      await setFaults(endpoint, [{ fault: 'reset' }]);
      assert.equal((await failure(aws.ec2().send(describeRegions()))).code, 'ECONNRESET');
      await setFaults(endpoint, [{ fault: 'reset', times: 1 }]);
      assert.equal((await aws.ec2('us-east-1', 3).send(describeRegions())).$metadata.attempts, 2);
    });

    it('a reset after some bytes breaks the answer off mid-body', async () => {
      await setFaults(endpoint, [{ fault: 'reset', afterBytes: 40 }]);
      const error = await failure(aws.ec2().send(describeRegions()));
      assert.equal(error.code, 'ECONNRESET', `${error.name}: ${error.message}`);
    });
  });

  describe('counters', () => {
    it('seen, injected and peak in flight per region, service and action', async () => {
      // Every call of the parallel batch is held 200 ms, so all nine are in flight together.
      await setFaults(endpoint, [
        { fault: 'AccessDenied', region: 'eu-west-1', action: 'DescribeVolumes', delayMs: 200 },
        { fault: 'latency', delayMs: 200, action: 'DescribeRegions' },
      ]);
      await resetFaultStats(endpoint);
      const us = aws.ec2('us-east-1');
      const eu = aws.ec2('eu-west-1');
      await Promise.all([
        ...Array.from({ length: 5 }, () => us.send(describeRegions())),
        ...Array.from({ length: 3 }, () => failure(eu.send(new DescribeVolumesCommand({})))),
        eu.send(describeRegions()),
      ]);
      await us.send(new DescribeVolumesCommand({}));

      const stats = await faultStats(endpoint);
      /** @param {number} seen @param {number} injected @param {number} peakInFlight */
      const counts = (seen, injected, peakInFlight) => ({ seen, injected, inFlight: 0, peakInFlight });
      assert.deepEqual(stats.total, counts(10, 9, 9));
      assert.deepEqual(Object.keys(stats.regions), ['eu-west-1', 'us-east-1']);
      assert.deepEqual(stats.regions['us-east-1'], {
        ...counts(6, 5, 5),
        services: { ec2: counts(6, 5, 5) },
        actions: { DescribeRegions: counts(5, 5, 5), DescribeVolumes: counts(1, 0, 1) },
      });
      assert.deepEqual(stats.regions['eu-west-1'], {
        ...counts(4, 4, 4),
        services: { ec2: counts(4, 4, 4) },
        actions: { DescribeRegions: counts(1, 1, 1), DescribeVolumes: counts(3, 3, 3) },
      });
      assert.deepEqual(stats.rules.map(({ seen, injected }) => ({ seen, injected })), [{ seen: 3, injected: 3 }, { seen: 6, injected: 6 }]);
      assert.equal(stats.held, 0);

      const reset = await resetFaultStats(endpoint);
      assert.deepEqual(reset.total, counts(0, 0, 0));
      assert.deepEqual(reset.regions, {});
      assert.ok(Date.parse(reset.since) >= Date.parse(stats.since));
    });
  });

  describe('command line', () => {
    /** @param {string[]} args */
    const cli = (...args) => promisify(execFile)(process.execPath, [CLI, ...args, '--endpoint', endpoint]);

    it('sets, adds, lists and clears rules', async () => {
      const set = JSON.parse((await cli('set', '--fault', 'AccessDenied', '--region', 'eu-west-1,eu-west-2', '--action', 'DescribeRegions', '--times', '2')).stdout);
      assert.deepEqual(set.rules[0], { fault: 'AccessDenied', region: ['eu-west-1', 'eu-west-2'], service: '*', action: 'DescribeRegions', times: 2, seen: 0, injected: 0 });
      await cli('add', '--fault', 'latency', '--delay-ms', '50', '--from', 'arrival');
      assert.equal((await failure(aws.ec2('eu-west-2').send(describeRegions()))).name, 'AccessDenied');
      const stats = JSON.parse((await cli('stats')).stdout);
      assert.deepEqual(stats.rules.map((/** @type {any} */ r) => [r.fault, r.injected]), [['AccessDenied', 1], ['latency', 0]]);
      assert.equal(stats.rules[1].delayMs, 50);
      assert.deepEqual(JSON.parse((await cli('clear')).stdout).rules, []);
    });

    it('exits with the reason for a bad rule', async () => {
      const error = await failure(cli('set', '--fault', 'AccessDenied', '--region', 'west'));
      assert.equal(error.code, 1);
      assert.match(error.stderr, /bad region pattern "west"/);
    });
  });
});
