// Who uses 100 images, inside the account, through the extension's own AwsService and usage lookup (what the
// deregister confirmation of a 100-image selection asks): DescribeImageReferences takes 10 images a call, so 10
// calls, then one call each for the instances' and launch templates' names; against one call per image. Counted on
// the wire by the fault proxy, with and without a round trip of latency. Run by `npm run bench` (scripts/bench.mjs).
import {
  CreateLaunchTemplateCommand, CreateSnapshotCommand, CreateVolumeCommand, EC2Client, RegisterImageCommand, RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { performance } from 'node:perf_hooks';
import { clearFaults, faultStats, resetFaultStats, setFaults } from '../sandbox/faults/client.mjs';
import { putImageParameter } from '../sandbox/ssm.mjs';
import { imagesPerReferenceCall } from '../src/aws/imageUsage';
import { inAccountUsage } from '../src/shared/imageUsage';
import type { BenchContext } from './context';
import { newAwsService, useSettings } from './extensionLayer';
import { quiet } from './proxyCounts';
import { at } from '../test/must';
import { mapLimit, median, ms, table } from './stats';

const region = 'eu-north-1';
const imageCount = 100;
/** Every 5th image runs an instance, every 10th is in a launch template, every 20th in an SSM parameter. */
const usage = { instances: 5, templates: 10, parameters: 20 };
const runs = 3;
const latencies = [0, 100] as const;

const log = (line = ''): void => console.log(line);

interface Estate {
  readonly ids: readonly string[];
  readonly references: number;
}

/** 100 images, and the instances, launch templates and parameters that use some of them, made through moto directly. */
async function createEstate(motoEndpoint: string): Promise<Estate> {
  const client = new EC2Client({ region, endpoint: motoEndpoint, maxAttempts: 2 });
  try {
    const volume = await client.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8 }));
    const { SnapshotId } = await client.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId }));
    const stamp = Date.now();
    const ids = await mapLimit(Array.from({ length: imageCount }, (_, i) => i), 8, async (i) => (await client.send(new RegisterImageCommand({
      Name: `usage-bench-${stamp}-${i}`, Architecture: 'x86_64', RootDeviceName: '/dev/xvda', VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId, VolumeSize: 8 } }],
    }))).ImageId!);
    let references = 0;
    await mapLimit(ids.map((id, i) => ({ id, i })), 8, async ({ id, i }) => {
      if (i % usage.instances === 0) {
        await client.send(new RunInstancesCommand({
          ImageId: id, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1,
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `worker-${i}` }] }],
        }));
        references++;
      }
      if (i % usage.templates === 0) {
        await client.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: `usage-bench-${stamp}-${i}`, LaunchTemplateData: { ImageId: id } }));
        references++;
      }
      if (i % usage.parameters === 0) {
        await putImageParameter(motoEndpoint, { region, name: `/bench/usage-${stamp}-${i}`, imageId: id });
        references++;
      }
    });
    return { ids, references };
  } finally {
    client.destroy();
  }
}

interface Measure {
  readonly wallMs: number;
  readonly calls: Record<string, number>;
  readonly found: number;
}

/** One lookup on a fresh service that already knows its regions and account, counted on the wire. */
async function measure(context: BenchContext, latencyMs: number, lookup: (aws: ReturnType<typeof newAwsService>) => Promise<number>): Promise<Measure> {
  const aws = newAwsService();
  await aws.regions();
  await aws.accountId();
  await setFaults(context.endpoint, latencyMs ? [{ fault: 'latency', delayMs: latencyMs, from: 'arrival', region }] : []);
  await quiet(context.endpoint);
  await resetFaultStats(context.endpoint);
  const start = performance.now();
  const found = await lookup(aws);
  const wallMs = performance.now() - start;
  const actions = (await faultStats(context.endpoint)).regions[region]?.actions ?? {};
  await clearFaults(context.endpoint);
  aws.dispose();
  return { wallMs, found, calls: Object.fromEntries(Object.entries(actions).map(([action, c]) => [action, c.seen])) };
}

export async function run(context: BenchContext): Promise<void> {
  useSettings(context.endpoint, [region]);
  const estate = await createEstate(context.motoEndpoint);
  const ways: Record<string, (aws: ReturnType<typeof newAwsService>) => Promise<number>> = {
    // What the extension does: 10 ids a call, then the names.
    batched: async (aws) => [...(await inAccountUsage(aws, region, estate.ids)).values()].reduce((n, u) => n + u.references.length, 0),
    // One call per image, all at once within the budget.
    'one call per image': async (aws) => (await Promise.all(estate.ids.map((id) => aws.imageReferences(region, [id])))).flat().length,
  };
  const rows = [['way', 'latency', 'DescribeImageReferences', 'name calls', 'median wall', 'references']];
  for (const latencyMs of latencies) {
    for (const [way, lookup] of Object.entries(ways)) {
      const measured: Measure[] = [];
      for (let r = 0; r < runs; r++) {
        measured.push(await measure(context, latencyMs, lookup));
      }
      const first = at(measured, 0, `a run of ${way}`);
      if (measured.some((m) => m.found !== estate.references)) {
        throw new Error(`${way}: found ${measured.map((m) => m.found).join(', ')} references, expected ${estate.references}`);
      }
      const names = (first.calls.DescribeInstances ?? 0) + (first.calls.DescribeLaunchTemplates ?? 0);
      rows.push([way, latencyMs ? `${latencyMs} ms` : 'none', String(first.calls.DescribeImageReferences ?? 0), String(names),
        ms(median(measured.map((m) => m.wallMs))), String(first.found)]);
    }
  }
  log(`\nThe usage of ${imageCount} images in ${region} (${estate.references} references: an instance of every ${usage.instances}th, ` +
    `a launch template of every ${usage.templates}th, an SSM parameter of every ${usage.parameters}th), median of ${runs} runs`);
  log(`DescribeImageReferences takes ${imageCount / imagesPerReferenceCall} calls of ${imagesPerReferenceCall} images; at most 4 calls in flight per region`);
  log(table(rows));
}
