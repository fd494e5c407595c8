import * as assert from 'node:assert/strict';
import {
  CreateKeyPairCommand, CreateSecurityGroupCommand, CreateVpcCommand, DescribeInstanceAttributeCommand, DescribeSubnetsCommand, DisableImageCommand,
  EnableImageDeprecationCommand,
} from '@aws-sdk/client-ec2';
import { CreateInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { clearFaults, setFaults } from '../../sandbox/faults/client.mjs';
import * as vscode from 'vscode';
import { at, must } from '../must';
import { extensionApi, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary, noticeOf } from './prompts';
import { wizardScripts } from './wizardScript';
import { treeQuiet } from './treeQuiet';
import { waitForSelection } from './treeSelection';
import { ec2, registerTestImage, tag } from './ec2';
import { instancesById, liveInstances } from './ec2Instances';

const region = 'us-west-1';
const endpoint = process.env.AWS_ENDPOINT_URL ?? '';

/** The user data EC2 holds for an instance, decoded. */
async function userDataOf(instanceId: string): Promise<string | undefined> {
  const out = await ec2(region).send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'userData' }));
  return out.UserData?.Value === undefined ? undefined : Buffer.from(out.UserData.Value, 'base64').toString('utf8');
}

/** An instance profile of the sandbox account, made once per sandbox. */
async function instanceProfile(name: string): Promise<string> {
  const iam = new IAMClient({ endpoint, region: 'us-east-1' });
  try {
    return (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name }))).InstanceProfile!.Arn!;
  } finally {
    iam.destroy();
  }
}

function launch(arg: Record<string, unknown>): Promise<string[]> {
  return publicApi().then((a) => a.launchInstance(arg as never));
}

describe('Launch instance', () => {
  let api: TestingApi;
  let x86: string;
  let arm: string;
  let deprecated: string;
  let disabled: string;
  let subnet: { id: string; vpcId: string };
  let webGroup: string;
  let foreignGroup: string;
  let profileArn: string;
  const keyName = 'launch-suite-key';
  const profileName = 'launch-suite-web';
  restoreSettingAfter('regions');

  before(async () => {
    api = await extensionApi();
    const client = ec2(region);
    x86 = (await registerTestImage({ region, name: 'launch-suite-web-x86', architecture: 'x86_64' })).imageId;
    arm = (await registerTestImage({ region, name: 'launch-suite-web-arm', architecture: 'arm64' })).imageId;
    deprecated = (await registerTestImage({ region, name: 'launch-suite-old', architecture: 'x86_64' })).imageId;
    await client.send(new EnableImageDeprecationCommand({ ImageId: deprecated, DeprecateAt: new Date(Date.now() - 86_400_000) }));
    disabled = (await registerTestImage({ region, name: 'launch-suite-disabled', architecture: 'x86_64' })).imageId;
    await client.send(new DisableImageCommand({ ImageId: disabled }));
    await client.send(new CreateKeyPairCommand({ KeyName: keyName }));
    const subnets = await client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    const defaultSubnet = must(subnets.Subnets?.[0], `a default subnet in ${region}`);
    subnet = { id: defaultSubnet.SubnetId!, vpcId: defaultSubnet.VpcId! };
    webGroup = (await client.send(new CreateSecurityGroupCommand({ GroupName: 'launch-suite-web', Description: 'web', VpcId: subnet.vpcId }))).GroupId!;
    const otherVpc = (await client.send(new CreateVpcCommand({ CidrBlock: '10.42.0.0/16' }))).Vpc!.VpcId!;
    foreignGroup = (await client.send(new CreateSecurityGroupCommand({ GroupName: 'launch-suite-elsewhere', Description: 'other VPC', VpcId: otherVpc }))).GroupId!;
    profileArn = await instanceProfile(profileName);
    await setting('regions', ['us-east-1', 'eu-west-1', 'ap-southeast-2', region]);
    await Promise.all([treeQuiet(api.images.provider), treeQuiet(api.instances.provider)]);
  });

  it('launches the instances with the type, Name tag, key, subnet and groups, running, and selects them in the Instances view', async () => {
    const ids = await launch({
      imageId: arm, region, instanceType: 't4g.small', count: 2, name: 'launch-suite-api',
      keyName, subnetId: subnet.id, securityGroupIds: [webGroup],
    });
    assert.equal(ids.length, 2);
    const instances = await instancesById(region, ids);
    assert.equal(instances.length, 2);
    for (const i of instances) {
      assert.equal(i.ImageId, arm);
      assert.equal(i.InstanceType, 't4g.small');
      assert.equal(tag(i, 'Name'), 'launch-suite-api');
      assert.equal(i.KeyName, keyName);
      assert.equal(i.SubnetId, subnet.id);
      assert.deepEqual(i.SecurityGroups?.map((g) => g.GroupId), [webGroup]);
      assert.equal(i.State?.Name, 'running');
    }
    const regionNode = api.instances.regions.find((r) => r.region === region);
    assert.ok(regionNode, `the Instances view shows ${region}`);
    const children = await regionNode.getChildren();
    for (const id of ids) {
      assert.ok(children.some((c) => c.id.endsWith(`/${id}`)), `${id} is listed under ${region}`);
    }
    await waitForSelection(api.instances.view, (selection) => !!selection[0]?.id.endsWith(`/${ids[0]}`), `${ids[0]} is selected in the Instances view`);
  });

  it('launches one instance into the default VPC when only the image, region and type are given', async () => {
    const ids = await launch({ imageId: x86, region, instanceType: 't3.micro' });
    assert.equal(ids.length, 1);
    const [instance] = await instancesById(region, ids);
    assert.ok(instance, 'the launched instance');
    assert.equal(instance.ImageId, x86);
    assert.equal(instance.InstanceType, 't3.micro');
    assert.equal(instance.VpcId, subnet.vpcId);
    assert.equal(tag(instance, 'Name'), undefined);
    assert.equal(instance.MetadataOptions?.HttpTokens, 'required', 'IMDSv2 by default');
    assert.equal(instance.IamInstanceProfile, undefined);
    assert.equal(await userDataOf(instance.InstanceId!), undefined);
  });

  it('launches with user data (encoded by the extension), an instance profile by name or ARN, and IMDSv2 as EC2 then reports them', async () => {
    const script = '#!/bin/bash\ndnf -y install nginx\nsystemctl start nginx\n';
    const byName = at(await launch({ imageId: x86, region, instanceType: 't3.micro', userData: script, instanceProfile: profileName }), 0, 'the instance launched with a profile by name');
    const instance = at(await instancesById(region, [byName]), 0, `instance ${byName}`);
    assert.equal(instance.MetadataOptions?.HttpTokens, 'required');
    assert.equal(instance.MetadataOptions?.HttpEndpoint, 'enabled');
    assert.equal(instance.IamInstanceProfile?.Arn, profileArn);
    assert.equal(await userDataOf(byName), script, 'the text, byte for byte');
    const byArn = at(await launch({ imageId: x86, region, instanceType: 't3.micro', instanceProfile: profileArn, imdsV2: false }), 0, 'the instance launched with a profile by ARN');
    const second = at(await instancesById(region, [byArn]), 0, `instance ${byArn}`);
    assert.equal(second.IamInstanceProfile?.Arn, profileArn);
    assert.equal(second.MetadataOptions?.HttpTokens, 'optional', 'imdsV2: false leaves IMDSv1 on');
  });

  it('launches a deprecated image: deprecation advises, it does not forbid', async () => {
    const ids = await launch({ imageId: deprecated, region, instanceType: 't3.nano', name: 'launch-suite-legacy' });
    const [instance] = await instancesById(region, ids);
    assert.ok(instance, 'the launched instance');
    assert.equal(instance.ImageId, deprecated);
    assert.equal(tag(instance, 'Name'), 'launch-suite-legacy');
  });

  describe('the wizard', () => {
    const script = wizardScripts(() => api);
    const startLaunch = (imageId: string) => script().run(() => vscode.commands.executeCommand('amiExplorer.launchInstance', { imageId, region }));

    it('asks type, key pair, subnet, security groups, Name and count in numbered steps, and launches as answered', async () => {
      const ui = script();
      const { summary, result } = await answerSummary(api, async () => {
        const running = startLaunch(arm);
        const type = await ui.next('Launch from image: arm64 instance type');
        assert.equal(type.numbers, '1/8');
        assert.ok(!type.items().some((i) => i.startsWith('t3.')), 'only arm64 types');
        await type.pick('t4g.small');
        const key = await ui.next('Launch from image: key pair');
        assert.equal(key.numbers, '2/8');
        await key.pick(keyName);
        await (await ui.next('Launch from image: subnet')).pick(new RegExp(subnet.id));
        const groups = await ui.next(`Launch from image: security groups of ${subnet.vpcId}`);
        assert.equal(groups.numbers, '4/8');
        assert.deepEqual(groups.selected(), ['default'], 'the VPC\'s default group is selected at first');
        await groups.pick('launch-suite-web');
        const profiles = await ui.next('Launch from image: instance profile');
        assert.equal(profiles.numbers, '5/8');
        assert.equal(profiles.items()[0], 'None — no AWS credentials on the instances');
        assert.ok(profiles.items().includes(`${profileName} — no role`), profiles.items().join(' | '));
        await profiles.pick(profileName);
        const userData = await ui.next('Launch from image: user data');
        assert.equal(userData.numbers, '6/8');
        await userData.pick('Type a line…');
        const line = await ui.next('Launch from image: user data');
        assert.equal(line.numbers, '7/9', 'typing the line is a step of its own');
        await line.enter('#!/bin/sh\\necho wizard');
        await (await ui.next('Launch from image: Name tag')).enter('launch-suite-wizard');
        const count = await ui.next('Launch from image: count');
        assert.equal(count.numbers, '9/9');
        await count.enter('2');
        return running;
      }, 'accept');
      const facts = summary.items.join('\n');
      assert.match(facts, /Instances: 2 × t4g\.small/);
      assert.match(facts, /Instance metadata: IMDSv2 required \(session tokens only\)/);
      assert.match(facts, new RegExp(`Instance profile: ${profileName}`));
      assert.match(facts, /User data: 21 bytes, first line "#!\/bin\/sh"/);
      const ids = result as string[];
      const instances = await instancesById(region, ids);
      assert.equal(instances.length, 2);
      for (const i of instances) {
        assert.equal(i.InstanceType, 't4g.small');
        assert.equal(i.KeyName, keyName);
        assert.equal(i.SubnetId, subnet.id);
        assert.deepEqual(i.SecurityGroups?.map((g) => g.GroupId), [webGroup]);
        assert.equal(tag(i, 'Name'), 'launch-suite-wizard');
        assert.equal(i.MetadataOptions?.HttpTokens, 'required');
        assert.equal(i.IamInstanceProfile?.Arn, profileArn);
        assert.equal(await userDataOf(i.InstanceId!), '#!/bin/sh\necho wizard');
      }
    });

    it('Back returns to the step before, showing its answer; the changed answers are the ones launched', async () => {
      const ui = script();
      const { result } = await answerSummary(api, async () => {
        const running = startLaunch(x86);
        await (await ui.next('Launch from image: x86_64 instance type')).pick('t3.micro');
        await (await ui.next('Launch from image: key pair')).back();
        const type = await ui.next('Launch from image: x86_64 instance type');
        assert.equal(type.numbers, '1/8');
        await type.pick('t3.small');
        await (await ui.next('Launch from image: key pair')).pick('No key pair');
        await (await ui.next('Launch from image: subnet')).pick('Default VPC');
        const groups = await ui.next(/^Launch from image: security groups of vpc-/);
        assert.equal(groups.numbers, '4/8');
        await groups.back();
        const placement = await ui.next('Launch from image: subnet');
        assert.equal(placement.numbers, '3/8');
        await placement.pick(new RegExp(subnet.id));
        await (await ui.next(`Launch from image: security groups of ${subnet.vpcId}`)).accept();
        await (await ui.next('Launch from image: instance profile')).pick('None');
        await (await ui.next('Launch from image: user data')).pick('None');
        await (await ui.next('Launch from image: Name tag')).enter('launch-suite-first-name');
        await (await ui.next('Launch from image: count')).back();
        const name = await ui.next('Launch from image: Name tag');
        assert.equal(name.value, 'launch-suite-first-name', 'the name given before');
        await name.enter('launch-suite-went-back');
        await (await ui.next('Launch from image: count')).accept();
        return running;
      }, 'accept');
      const [instance] = await instancesById(region, result as string[]);
      assert.equal(instance?.InstanceType, 't3.small');
      assert.equal(instance?.SubnetId, subnet.id);
      assert.equal(instance?.KeyName, undefined);
      assert.equal(tag(instance ?? {}, 'Name'), 'launch-suite-went-back');
    });

    it('when IAM will not list instance profiles, one is typed; user data comes from the active editor unless it is over 16 KB', async () => {
      const ui = script();
      const big = await vscode.workspace.openTextDocument({ content: `#!/bin/sh\n${'#'.repeat(16 * 1024)}\n`, language: 'shellscript' });
      await vscode.window.showTextDocument(big);
      await setFaults(endpoint, [{ fault: 'AccessDenied', service: 'iam', action: 'ListInstanceProfiles' }]);
      try {
        const running = startLaunch(x86);
        {
          await (await ui.next('Launch from image: x86_64 instance type')).pick('t3.micro');
          await (await ui.next('Launch from image: key pair')).pick('No key pair');
          await (await ui.next('Launch from image: subnet')).pick('Default VPC');
          await (await ui.next(/^Launch from image: security groups of vpc-/)).accept();
          const profiles = await ui.next('Launch from image: instance profile');
          const items = profiles.items().join('\n');
          assert.match(items, /Type its name… — the instance profiles could not be listed/);
          assert.match(items, /not allowed to call iam:ListInstanceProfiles/);
          await profiles.pick('Type its name…');
          const typed = await ui.next('Launch from image: instance profile name');
          await typed.enter('not a name');
          const refused = await ui.next('Launch from image: instance profile name');
          assert.match(refused.validationMessage ?? '', /is not an instance profile/);
          await refused.enter(profileName);
          const tooBig = await ui.next('Launch from image: user data');
          assert.match(tooBig.items().join('\n'), /Untitled-\d+ is too large — 16395 bytes; EC2 takes at most 16384/);
          await tooBig.cancel();
        }
        assert.equal(await running, undefined, 'Escape at the user data step ends the wizard, launching nothing');

        const script2 = '#!/bin/bash\necho from-the-editor\n';
        const small = await vscode.workspace.openTextDocument({ content: script2, language: 'shellscript' });
        await vscode.window.showTextDocument(small);
        const second = await answerSummary(api, async () => {
          const running = startLaunch(x86);
          await (await ui.next('Launch from image: x86_64 instance type')).pick('t3.micro');
          await (await ui.next('Launch from image: key pair')).pick('No key pair');
          await (await ui.next('Launch from image: subnet')).pick('Default VPC');
          await (await ui.next(/^Launch from image: security groups of vpc-/)).accept();
          await (await ui.next('Launch from image: instance profile')).pick('Type its name…');
          await (await ui.next('Launch from image: instance profile name')).enter(profileName);
          const userData = await ui.next('Launch from image: user data');
          await userData.pick(new RegExp(`From Untitled-\\d+ the active editor · ${Buffer.byteLength(script2)} bytes`));
          await (await ui.next('Launch from image: Name tag')).enter('launch-suite-editor');
          await (await ui.next('Launch from image: count')).accept();
          return running;
        }, 'accept');
        assert.match(second.summary.items.join('\n'), new RegExp(`Instance profile: ${profileName}`));
        assert.match(second.summary.items.join('\n'), new RegExp(`User data: ${Buffer.byteLength(script2)} bytes, first line "#!/bin/bash"`));
        const id = at(second.result as string[], 0, 'the launched instance');
        const instance = at(await instancesById(region, [id]), 0, `instance ${id}`);
        assert.equal(instance.IamInstanceProfile?.Arn, profileArn);
        assert.equal(await userDataOf(id), script2);
      } finally {
        await clearFaults(endpoint);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });

    it('Back from the summary returns to the count, and the summary follows the new answer', async () => {
      const ui = script();
      const before = (await liveInstances(region)).length;
      const running = startLaunch(x86);
      await (await ui.next('Launch from image: x86_64 instance type')).pick('t3.nano');
      await (await ui.next('Launch from image: key pair')).pick('No key pair');
      await (await ui.next('Launch from image: subnet')).pick('Default VPC');
      await (await ui.next(/^Launch from image: security groups of vpc-/)).accept();
      await (await ui.next('Launch from image: instance profile')).pick('None');
      await (await ui.next('Launch from image: user data')).pick('None');
      await (await ui.next('Launch from image: Name tag')).accept();
      await (await ui.next('Launch from image: count')).enter('3');
      const first = await ui.summary();
      assert.match(first.text, /Instances: 3 × t3\.nano/);
      await first.back();
      const count = await ui.next('Launch from image: count');
      assert.equal(count.value, '3', 'the count given before');
      assert.equal(count.numbers, '8/8');
      await count.enter('1');
      const second = await ui.summary();
      assert.match(second.text, /Instances: 1 × t3\.nano/);
      await second.accept();
      assert.equal((await running as string[]).length, 1);
      assert.equal((await liveInstances(region)).length, before + 1, 'launched as the second summary said');
    });
  });

  const bad: [string, () => Record<string, unknown>, RegExp][] = [
    ['a malformed image id', () => ({ imageId: 'ami-nothex', region, instanceType: 't3.micro' }), /"ami-nothex" is not an AMI id/],
    ['an unknown image', () => ({ imageId: 'ami-0000000000000dead', region, instanceType: 't3.micro' }), /ami-0000000000000dead does not exist in us-west-1/],
    ['an image that is not available', () => ({ imageId: disabled, region, instanceType: 't3.micro' }), /is disabled, not available/],
    ['an unknown region', () => ({ imageId: x86, region: 'mars-1', instanceType: 't3.micro' }), /"mars-1" is not an AWS region/],
    ['no instance type', () => ({ imageId: x86, region }), /An instance type is required/],
    ['an unknown instance type', () => ({ imageId: x86, region, instanceType: 'zz9.huge' }), /"zz9.huge" is not an instance type EC2 offers in us-west-1/],
    ['a type of the wrong architecture', () => ({ imageId: x86, region, instanceType: 't4g.micro' }), /t4g.micro runs arm64 but the image .* is x86_64/],
    ['a count of 0', () => ({ imageId: x86, region, instanceType: 't3.micro', count: 0 }), /from 1 to 20/],
    ['a count above the bound', () => ({ imageId: x86, region, instanceType: 't3.micro', count: 21 }), /from 1 to 20/],
    ['a fractional count', () => ({ imageId: x86, region, instanceType: 't3.micro', count: 1.5 }), /from 1 to 20/],
    ['a count given as text', () => ({ imageId: x86, region, instanceType: 't3.micro', count: '2' }), /must be a number/],
    ['an unknown key pair', () => ({ imageId: x86, region, instanceType: 't3.micro', keyName: 'nobody' }), /no key pair "nobody" in us-west-1/],
    ['an unknown subnet', () => ({ imageId: x86, region, instanceType: 't3.micro', subnetId: 'subnet-0000000000000dead' }), /no subnet subnet-0000000000000dead/],
    ['a malformed security group', () => ({ imageId: x86, region, instanceType: 't3.micro', securityGroupIds: ['web'] }), /"web" is not a security group id/],
    ['a security group of another VPC', () => ({ imageId: x86, region, instanceType: 't3.micro', securityGroupIds: [foreignGroup] }), /belongs to vpc-.*, but the instances go into/],
    ['a Name tag too long', () => ({ imageId: x86, region, instanceType: 't3.micro', name: 'x'.repeat(257) }), /not a tag value/],
    ['user data over 16 KB', () => ({ imageId: x86, region, instanceType: 't3.micro', userData: 'x'.repeat(16 * 1024 + 1) }), /16385 bytes\), but EC2 takes at most 16 KB/],
    ['empty user data', () => ({ imageId: x86, region, instanceType: 't3.micro', userData: '' }), /must be the text of a script/],
    ['a malformed instance profile', () => ({ imageId: x86, region, instanceType: 't3.micro', instanceProfile: 'web server' }), /is not an instance profile/],
    ['an unknown instance profile', () => ({ imageId: x86, region, instanceType: 't3.micro', instanceProfile: 'nobody-profile' }), /There is no instance profile "nobody-profile" in this account\. Choose one of .*launch-suite-web/],
    ['imdsV2 that is not a boolean', () => ({ imageId: x86, region, instanceType: 't3.micro', imdsV2: 'required' }), /"imdsV2" must be true or false/],
  ];
  for (const [what, arg, message] of bad) {
    it(`rejects ${what} and launches nothing`, async () => {
      const before = (await liveInstances(region)).length;
      await assert.rejects(launch(arg()), message);
      assert.equal((await liveInstances(region)).length, before, 'no instance was launched');
    });
  }

  it('from a hover link ({ imageId, region }) shows the failure to the person, and launches nothing', async () => {
    const before = (await liveInstances(region)).length;
    const message = await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.launchInstance', { imageId: 'ami-0000000000000dead', region }));
    assert.match(message, /ami-0000000000000dead does not exist in us-west-1/);
    assert.equal((await liveInstances(region)).length, before);
  });
});
