// Source files that mention AMI ids the way infrastructure code does: Terraform, CloudFormation, boto3, shell.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Mention {
  readonly id: string;
  /** The region the code names for it. */
  readonly region: string;
}

type Render = (index: number, mentions: readonly Mention[]) => { readonly name: string; readonly text: string };

const terraform: Render = (index, mentions) => ({
  name: `infra/service-${index}/main.tf`,
  text: [
    `# Service ${index}`,
    'variable "instance_type" {',
    '  type    = string',
    '  default = "t3.small"',
    '}',
    '',
    'locals {',
    '  amis = {',
    ...mentions.map((m) => `    "${m.region}" = "${m.id}"`),
    '  }',
    '}',
    '',
    ...mentions.flatMap((m, i) => [
      `resource "aws_instance" "node_${i}" {`,
      `  ami           = "${m.id}"`,
      '  instance_type = var.instance_type',
      `  tags = { Name = "service-${index}-${i}", Region = "${m.region}" }`,
      '}',
      '',
    ]),
  ].join('\n'),
});

const cloudFormation: Render = (index, mentions) => ({
  name: `stacks/service-${index}.yaml`,
  text: [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: Service ${index}`,
    'Mappings:',
    '  RegionMap:',
    ...mentions.flatMap((m) => [`    ${m.region}:`, `      AMI: ${m.id}`]),
    'Resources:',
    '  Node:',
    '    Type: AWS::EC2::Instance',
    '    Properties:',
    "      ImageId: !FindInMap [RegionMap, !Ref 'AWS::Region', AMI]",
    '      InstanceType: t3.small',
    '',
  ].join('\n'),
});

const boto3: Render = (index, mentions) => ({
  name: `scripts/launch_${index}.py`,
  text: [
    'import boto3',
    '',
    '',
    `def launch_${index}():`,
    ...mentions.flatMap((m) => [
      `    ec2 = boto3.client("ec2", region_name="${m.region}")`,
      `    ec2.run_instances(ImageId="${m.id}", InstanceType="t3.small", MinCount=1, MaxCount=1)`,
    ]),
    '',
  ].join('\n'),
});

const shell: Render = (index, mentions) => ({
  name: `ops/check-${index}.sh`,
  text: [
    '#!/bin/sh',
    'set -eu',
    ...mentions.map((m) => `aws ec2 describe-images --region ${m.region} --image-ids ${m.id} --query 'Images[0].State'`),
    '',
  ].join('\n'),
});

const renders: readonly Render[] = [terraform, cloudFormation, boto3, shell];

/**
 * Writes `fileCount` files under `dir`. Every mention lands in one file; every third also in a second one,
 * as ids are copied between stacks. Returns the paths written.
 */
export function writeWorkspace(dir: string, mentions: readonly Mention[], fileCount: number): string[] {
  const perFile = Array.from({ length: fileCount }, () => [] as Mention[]);
  mentions.forEach((m, j) => {
    perFile[j % fileCount]!.push(m);
    if (j % 3 === 0) {
      perFile[(j * 7 + 13) % fileCount]!.push(m);
    }
  });
  return perFile.map((list, index) => {
    const { name, text } = renders[index % renders.length]!(index, list);
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
}

/** About `bytes` of Terraform with an AMI id in every fourth resource: a large generated file. */
export function largeTerraform(bytes: number, ids: readonly string[]): { text: string; ids: number } {
  const blocks: string[] = [];
  let size = 0;
  let placed = 0;
  for (let i = 0; size < bytes; i++) {
    const ami = i % 4 === 0 ? `"${ids[placed++ % ids.length]}"` : 'var.base_ami';
    const block = [
      `resource "aws_instance" "worker_${i}" {`,
      `  ami                    = ${ami}`,
      '  instance_type          = "m7g.large"',
      '  subnet_id              = "subnet-0123456789abcdef0"',
      '  vpc_security_group_ids = ["sg-0123456789abcdef0"]',
      `  tags = { Name = "worker-${i}", Team = "batch" }`,
      '}',
      '',
      '',
    ].join('\n');
    blocks.push(block);
    size += block.length;
  }
  return { text: blocks.join(''), ids: placed };
}
