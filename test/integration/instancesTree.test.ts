import * as assert from 'node:assert/strict';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { shown } from '../markdownSafety';
import { description, extensionApi, label } from './helpers';
import { ec2 } from './ec2';

describe('Instances view', () => {
  it('lists instances by region with name, id, state, type and source AMI', async () => {
    const api = await extensionApi();
    api.instances.provider.refresh();
    const roots = await api.instances.provider.getChildren();
    assert.deepEqual(roots.map(label), ['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    const out = await ec2('us-east-1').send(new DescribeInstancesCommand({}));
    const truth = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).filter((i) => i.State?.Name !== 'terminated');
    assert.ok(truth.length > 0, 'the sandbox has instances in us-east-1');
    const nodes = await roots[0]!.getChildren();
    for (const instance of truth) {
      const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value ?? instance.InstanceId!;
      const node = nodes.find((n) => n.id.endsWith(`/${instance.InstanceId}`));
      assert.ok(node, `instance ${instance.InstanceId} listed`);
      assert.equal(label(node), name);
      assert.ok(description(node).includes(instance.State!.Name!), description(node));
      const tooltip = shown(String((node.getTreeItem().tooltip as { value: string }).value));
      assert.ok(tooltip.includes(`| Source AMI | ${instance.ImageId} |`), tooltip);
    }
  });
});
