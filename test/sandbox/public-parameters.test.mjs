// AWS's public SSM parameters in the sandbox: readable by every account, written by no one but the publisher.
import assert from 'node:assert/strict';
import { GetParametersCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ACCOUNTS, REGIONS } from '../../sandbox/seed.mjs';
import { publishPublicParameter } from '../../sandbox/ssm.mjs';
import { sandbox } from './fixture.mjs';

const al2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
/** @type {SSMClient[]} */
const clients = [];
after(() => clients.forEach((c) => c.destroy()));

/** @param {string} endpoint @param {string} region @param {string} [account] */
function ssm(endpoint, region, account) {
  const client = new SSMClient({ endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
  if (account) {
    client.middlewareStack.add((next) => async (args) => {
      /** @type {any} */ (args.request).headers['x-moto-account-id'] = account;
      return next(args);
    }, { step: 'build', name: 'sandboxAccount' });
  }
  clients.push(client);
  return client;
}

describe('sandbox public SSM parameters', function () {
  this.timeout(60_000);
  /** @type {Awaited<ReturnType<typeof sandbox>>['manifest']} */
  let manifest;

  before(async () => {
    ({ manifest } = await sandbox());
  });

  for (const region of REGIONS) {
    it(`${region}: the Amazon Linux 2023 path names the region's seeded image, for every account`, async () => {
      const latest = manifest.regions[region].images.filter((i) => i.owner === ACCOUNTS.amazonLinux && i.architecture === 'x86_64' && !i.deprecated && i.name.startsWith('al2023-ami-20'))
        .sort((a, b) => a.creationDate.localeCompare(b.creationDate)).pop();
      assert.equal(manifest.publicParameters[region]?.[al2023], latest?.id);
      for (const account of [undefined, ACCOUNTS.partner]) {
        const out = await ssm(manifest.endpoint, region, account).send(new GetParametersCommand({ Names: [al2023, `${al2023}:1`] }));
        assert.deepEqual(out.Parameters?.map((p) => [p.Name, p.Value, p.DataType]), [[al2023, latest?.id, 'aws:ec2:image'], [al2023, latest?.id, 'aws:ec2:image']]);
        assert.deepEqual(out.InvalidParameters, []);
      }
    });
  }

  it('answers unknown paths as InvalidParameters, and text parameters with their data type', async () => {
    const out = await ssm(manifest.endpoint, 'eu-west-1').send(new GetParametersCommand({ Names: ['/aws/service/ami-amazon-linux-latest/no-such-image', '/aws/service/global-infrastructure/current-region/longName'] }));
    assert.deepEqual(out.InvalidParameters, ['/aws/service/ami-amazon-linux-latest/no-such-image']);
    assert.deepEqual(out.Parameters?.map((p) => [p.Value, p.DataType]), [['eu-west-1', 'text']]);
  });

  it('lets no account but the publisher write /aws/service/ names, and keeps versions', async () => {
    await assert.rejects(ssm(manifest.endpoint, 'us-east-1').send(new PutParameterCommand({ Name: `${al2023}-mine`, Value: 'ami-12345678', Type: 'String', Overwrite: true })), /reserved parameter name/);
    const name = '/aws/service/sandbox-test/versioned';
    assert.equal(await publishPublicParameter(manifest.endpoint, { region: 'ap-southeast-2', name, value: 'ami-11111111' }), 1);
    assert.equal(await publishPublicParameter(manifest.endpoint, { region: 'ap-southeast-2', name, value: 'ami-22222222' }), 2);
    const out = await ssm(manifest.endpoint, 'ap-southeast-2', ACCOUNTS.friend).send(new GetParametersCommand({ Names: [name, `${name}:1`, `${name}:3`] }));
    assert.deepEqual(out.Parameters?.map((p) => p.Value), ['ami-22222222', 'ami-11111111']);
    assert.deepEqual(out.InvalidParameters, [`${name}:3`]);
    const elsewhere = await ssm(manifest.endpoint, 'us-east-1').send(new GetParametersCommand({ Names: [name] }));
    assert.deepEqual(elsewhere.InvalidParameters, [name], 'public parameters belong to their region');
  });
});
