// What the Launch action offers and checks, as plain data. Pure: unit-tested without AWS or VS Code.
import type { InstanceTypeInfo } from '../../aws/launchModel';
import type { ImageInfo } from '../../aws/model';
import { isPast } from '../../shared/format';

/**
 * At most this many instances per launch: enough for a small fleet or a test batch, few enough that a typo
 * (200 for 20) cannot run up a bill. Larger fleets belong in an Auto Scaling group.
 */
export const maxLaunchCount = 20;

/** The types most people launch, per architecture, in the order offered first. */
const commonTypes: Record<string, readonly string[]> = {
  x86_64: ['t3.micro', 't3.small', 't3.medium', 't3.large', 'm7i.large', 'c7i.large', 'r7i.large', 'm6i.large', 't2.micro'],
  arm64: ['t4g.micro', 't4g.small', 't4g.medium', 't4g.large', 'm7g.large', 'c7g.large', 'r7g.large', 'm6g.large'],
};

export const instanceTypePattern = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;

export function checkInstanceType(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return 'An instance type is required, e.g. t3.micro.';
  }
  return instanceTypePattern.test(value) ? undefined : `"${value}" is not an instance type name: expected family.size, e.g. t3.micro.`;
}

export function checkInstanceCount(value: unknown): string | undefined {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > maxLaunchCount) {
    return `The instance count must be a whole number from 1 to ${maxLaunchCount}, not ${JSON.stringify(value)}.`;
  }
  return undefined;
}

export function checkKeyName(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() && value.length <= 255 ? undefined
    : `${JSON.stringify(value)} is not a key pair name: give the name of a key pair of the region, or leave keyName out.`;
}

export function checkSubnetId(value: unknown): string | undefined {
  return typeof value === 'string' && /^subnet-[0-9a-f]{8,17}$/.test(value) ? undefined
    : `${JSON.stringify(value)} is not a subnet id: expected "subnet-" and 8 or 17 hex digits, or leave subnetId out for the default VPC.`;
}

export function checkSecurityGroupIds(value: unknown): string | undefined {
  if (!Array.isArray(value)) {
    return 'securityGroupIds must be a list of ids, e.g. ["sg-0123456789abcdef0"].';
  }
  const bad: unknown = (value as unknown[]).find((v) => typeof v !== 'string' || !/^sg-[0-9a-f]{8,17}$/.test(v));
  return bad === undefined ? undefined : `${JSON.stringify(bad)} is not a security group id: expected "sg-" and 8 or 17 hex digits.`;
}

/** EC2 takes at most 16 KB of user data, counted before its base64 encoding. */
export const maxUserDataBytes = 16 * 1024;

export function userDataBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** User data as text (a script or a cloud-init file): the extension encodes it. */
export function checkUserData(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.length) {
    return 'The user data must be the text of a script or cloud-init file, e.g. "#!/bin/bash\\ndnf -y install nginx"; leave userData out for none.';
  }
  const bytes = userDataBytes(value);
  return bytes > maxUserDataBytes
    ? `The user data is ${kb(bytes)} (${bytes} bytes), but EC2 takes at most 16 KB (${maxUserDataBytes} bytes). Shorten it, or have a short script fetch the rest (from S3, say).`
    : undefined;
}

/** A line typed in the wizard: "\n" starts a new line, as an InputBox has only one. */
export function typedUserData(line: string): string {
  return line.replace(/\\n/g, '\n');
}

const instanceProfileNamePattern = /^[\w+=,.@-]{1,128}$/;
const instanceProfileArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;

/** An instance profile's name (as IAM shows it) or its ARN. */
export function checkInstanceProfile(value: unknown): string | undefined {
  return typeof value === 'string' && (instanceProfileNamePattern.test(value.trim()) || instanceProfileArnPattern.test(value.trim())) ? undefined
    : `${JSON.stringify(value)} is not an instance profile: give its name (1 to 128 letters, digits and + = , . @ _ -) or its ARN (arn:aws:iam::123456789012:instance-profile/web).`;
}

function sizeRank(t: InstanceTypeInfo): number {
  return (t.vcpus ?? 0) * 1e6 + (t.memoryMiB ?? 0);
}

/**
 * The order the QuickPick offers: the common types of the architecture first (in their own order), then
 * current generations before older ones, by family, smallest first.
 */
export function sortInstanceTypes(types: readonly InstanceTypeInfo[], architecture: string): InstanceTypeInfo[] {
  const common = commonTypes[architecture] ?? [];
  const rank = (t: InstanceTypeInfo) => (common.includes(t.name) ? common.indexOf(t.name) : common.length);
  const family = (t: InstanceTypeInfo) => t.name.split('.')[0] ?? t.name;
  return [...types].sort((a, b) => rank(a) - rank(b)
    || Number(b.currentGeneration) - Number(a.currentGeneration)
    || family(a).localeCompare(family(b))
    || sizeRank(a) - sizeRank(b)
    || a.name.localeCompare(b.name));
}

export function isCommonType(name: string, architecture: string): boolean {
  return (commonTypes[architecture] ?? []).includes(name);
}

/** "2 vCPU · 4 GiB", the way the console describes a type. */
export function describeInstanceType(t: InstanceTypeInfo): string {
  const parts: string[] = [];
  if (t.vcpus !== undefined) {
    parts.push(`${t.vcpus} vCPU`);
  }
  if (t.memoryMiB !== undefined) {
    const gib = t.memoryMiB / 1024;
    parts.push(`${Number.isInteger(gib) ? gib : gib.toFixed(gib < 1 ? 3 : 1).replace(/0+$/, '')} GiB`);
  }
  if (!t.currentGeneration) {
    parts.push('previous generation');
  }
  return parts.join(' · ');
}

/** Why launching this image deserves a second thought, or undefined when it does not. */
export function launchWarning(image: ImageInfo, now: number = Date.now()): string | undefined {
  if (image.state !== 'available') {
    return `${image.name} (${image.id}) is ${image.state}, not available: EC2 will likely refuse to launch it.`;
  }
  if (isPast(image.deprecationTime, now)) {
    return `${image.name} (${image.id}) was deprecated on ${image.deprecationTime?.slice(0, 10)}: its owner no longer recommends it.`;
  }
  return undefined;
}

export interface LaunchPlan {
  readonly image: Pick<ImageInfo, 'id' | 'name' | 'architecture' | 'ownerId' | 'ownerAlias'>;
  readonly region: string;
  readonly instanceType: string;
  readonly count: number;
  readonly name?: string;
  readonly keyName?: string;
  readonly imdsV2: boolean;
  /** The text, which the extension encodes. */
  readonly userData?: string;
  readonly instanceProfile?: string;
  readonly subnet?: { readonly id: string; readonly vpcId: string; readonly availabilityZone?: string };
  readonly securityGroups: readonly { readonly id: string; readonly name: string }[];
}

/** The lines of the confirmation shown before anything launches: everything EC2 will be asked for. */
export function launchSummary(plan: LaunchPlan): string[] {
  const n = plan.count;
  return [
    `Instances: ${n} × ${plan.instanceType}, billed while they run`,
    `Image: ${plan.image.name} (${plan.image.id}${plan.image.architecture ? `, ${plan.image.architecture}` : ''})`,
    `Image owner: ${[plan.image.ownerAlias, plan.image.ownerId].filter(Boolean).join(' · ') || 'unknown'}`,
    `Name tag: ${plan.name || '(none)'}`,
    `Key pair: ${plan.keyName || '(none: no SSH key; use Session Manager or EC2 Instance Connect)'}`,
    `Subnet: ${plan.subnet ? `${plan.subnet.id} in ${plan.subnet.vpcId}${plan.subnet.availabilityZone ? `, ${plan.subnet.availabilityZone}` : ''}` : 'default VPC (EC2 picks the subnet)'}`,
    `Security groups: ${plan.securityGroups.length ? plan.securityGroups.map((g) => `${g.name} (${g.id})`).join(', ') : "the VPC's default group"}`,
    `Instance metadata: ${plan.imdsV2 ? 'IMDSv2 required (session tokens only)' : 'IMDSv1 and IMDSv2 (tokens optional)'}`,
    `Instance profile: ${plan.instanceProfile ?? '(none: no AWS credentials on the instance)'}`,
    `User data: ${plan.userData === undefined ? '(none)' : userDataText(plan.userData)}`,
  ];
}

/** "46 bytes, first line "#!/bin/sh"", as the summary names the user data. */
function userDataText(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const shown = first.length > 60 ? `${first.slice(0, 60)}…` : first;
  return `${userDataBytes(text)} bytes, first line "${shown}"`;
}
