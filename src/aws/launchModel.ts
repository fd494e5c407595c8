// Plain data for launching instances and baking images; nothing here depends on the AWS SDK.

export interface InstanceTypeInfo {
  readonly name: string;
  readonly architectures: readonly string[];
  readonly vcpus?: number;
  readonly memoryMiB?: number;
  readonly currentGeneration: boolean;
  readonly freeTierEligible: boolean;
  /** Local instance-store disks, in GiB all together; undefined when the type has none. Their data does not survive a stop. */
  readonly instanceStorageGiB?: number;
}

export interface SubnetInfo {
  readonly id: string;
  readonly vpcId: string;
  readonly availabilityZone?: string;
  readonly cidr?: string;
  readonly name?: string;
  readonly defaultForAz: boolean;
}

export interface SecurityGroupInfo {
  readonly id: string;
  readonly name: string;
  readonly vpcId?: string;
  readonly description?: string;
}

/** What RunInstances gets, validated. */
export interface LaunchRequest {
  readonly imageId: string;
  readonly instanceType: string;
  readonly count: number;
  readonly name?: string;
  readonly keyName?: string;
  readonly securityGroupIds?: readonly string[];
  readonly subnetId?: string;
  /** The text of a script or cloud-init file, at most 16 KB; encoded for EC2 on the way. */
  readonly userData?: string;
  /** An instance profile's name or ARN. */
  readonly instanceProfile?: string;
  /** Instance metadata only through session tokens (IMDSv2). */
  readonly imdsV2: boolean;
}

/** What CreateImage gets, validated. */
export interface ImageCreationRequest {
  readonly instanceId: string;
  readonly name: string;
  readonly description?: string;
  readonly noReboot: boolean;
  readonly tags: Readonly<Record<string, string>>;
}
