// Plain data the rest of the extension works with; nothing here depends on the AWS SDK.

/** Which AWS account and endpoint calls go to. Never holds secrets: credentials stay inside the SDK. */
export interface Connection {
  /** "" means the SDK's default chain (AWS_PROFILE, env vars, instance role…). */
  readonly profile: string;
  /** Endpoint override from the machine-scoped setting; the SDK's AWS_ENDPOINT_URL* env vars apply on their own. */
  readonly endpoint?: string;
}

export type ImageScope = 'owned' | 'shared' | 'public';

export interface BlockDevice {
  readonly deviceName: string;
  readonly snapshotId?: string;
  readonly volumeSizeGiB?: number;
  readonly volumeType?: string;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly deleteOnTermination?: boolean;
  readonly iops?: number;
  readonly throughput?: number;
  readonly virtualName?: string;
}

export interface ImageInfo {
  readonly id: string;
  readonly region: string;
  readonly name: string;
  readonly description?: string;
  readonly ownerId: string;
  readonly ownerAlias?: string;
  readonly state: string;
  readonly architecture?: string;
  readonly platform?: string;
  readonly platformDetails?: string;
  readonly virtualizationType?: string;
  readonly rootDeviceType?: string;
  readonly rootDeviceName?: string;
  readonly imageType?: string;
  readonly creationDate?: string;
  readonly deprecationTime?: string;
  readonly public: boolean;
  readonly tags: Readonly<Record<string, string>>;
  readonly blockDevices: readonly BlockDevice[];
  readonly stateReason?: string;
  readonly bootMode?: string;
  readonly enaSupport?: boolean;
  readonly imdsSupport?: string;
  readonly sourceImageId?: string;
  readonly sourceImageRegion?: string;
  /** The instance the image was made from (CreateImage only). */
  readonly sourceInstanceId?: string;
  /** As EC2 words it: "disabled", "enabled-with-cooldown", "enabled-without-cooldown", "disabled-until …". */
  readonly deregistrationProtection?: string;
  /** Whether the account's Allowed AMIs criteria allow it; absent while they are disabled. */
  readonly imageAllowed?: boolean;
  readonly freeTierEligible?: boolean;
  /** When EC2 reports it with the image (to its owner); otherwise DescribeImageAttribute says, or that it never was. */
  readonly lastLaunchedTime?: string;
  /** The SDK's own response object, shown verbatim in the details page. */
  readonly raw: unknown;
}

export interface LaunchPermissions {
  readonly public: boolean;
  readonly accounts: readonly string[];
  readonly organizationArns: readonly string[];
  readonly organizationalUnitArns: readonly string[];
}

/** One Allowed AMIs criterion: an image that meets every part it names is allowed. */
export interface ImageCriterionInfo {
  /** "amazon", "aws-marketplace", "aws-backup-vault", "none" or account ids. */
  readonly providers: readonly string[];
  readonly names: readonly string[];
  readonly marketplaceProductCodes: readonly string[];
  readonly maxDaysSinceCreated?: number;
  readonly maxDaysSinceDeprecated?: number;
}

/** The account's Allowed AMIs settings in one region. */
export interface AllowedImagesSettings {
  /** "enabled", "audit-mode" or "disabled". */
  readonly state: string;
  readonly criteria: readonly ImageCriterionInfo[];
  /** "account" or "declarative-policy". */
  readonly managedBy?: string;
}

export interface ImageDetails {
  readonly image: ImageInfo;
  /** Undefined when the caller may not read them (only the owner can). */
  readonly launchPermissions?: LaunchPermissions;
}

export interface InstanceInfo {
  readonly id: string;
  readonly region: string;
  readonly name?: string;
  readonly state: string;
  readonly type?: string;
  readonly imageId?: string;
  readonly platform?: string;
  readonly architecture?: string;
  readonly launchTime?: string;
  readonly privateIp?: string;
  readonly publicIp?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** "ebs" or "instance-store": an instance-store root cannot be stopped. */
  readonly rootDeviceType?: string;
  /** The EBS volumes attached to it, and whether each goes with it when it is terminated. */
  readonly volumes?: readonly InstanceVolume[];
  /** "spot" or "scheduled"; undefined for On-Demand. */
  readonly lifecycle?: string;
}

export interface InstanceVolume {
  readonly deviceName: string;
  readonly volumeId: string;
  readonly deleteOnTermination: boolean;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

/** Server-side narrowing of DescribeImages; every field maps to an EC2 filter or parameter. */
export interface ImageFilter {
  readonly namePattern?: string;
  readonly architectures?: readonly string[];
  readonly states?: readonly string[];
  readonly includeDeprecated: boolean;
  readonly includeDisabled: boolean;
}

export interface ImageQuery {
  readonly scope: ImageScope;
  readonly filter: ImageFilter;
  /** Extra owners / name pattern used by public-catalog saved searches. */
  readonly owners?: readonly string[];
  readonly extraFilters?: readonly { readonly name: string; readonly values: readonly string[] }[];
}

export interface RegionInfo {
  readonly name: string;
  /** opt-in-not-required | opted-in | not-opted-in */
  readonly optInStatus?: string;
}

export const defaultImageFilter: ImageFilter = { includeDeprecated: true, includeDisabled: false };

/** A deregistered image the Recycle Bin keeps, until `expiresAt`. */
export interface RecycleBinImage {
  readonly id: string;
  readonly region: string;
  readonly name: string;
  readonly description?: string;
  /** ISO times: when it entered the bin, and when it is deleted for good. */
  readonly enteredAt?: string;
  readonly expiresAt?: string;
}

/** A Recycle Bin retention rule for AMIs (the rbin service's GetRule). */
export interface RetentionRule {
  readonly id: string;
  readonly description?: string;
  readonly retentionDays: number;
  /** None: a region-level rule, which keeps every deregistered image. A value-less tag matches any value. */
  readonly resourceTags: readonly { readonly key: string; readonly value?: string }[];
  /** Only `available` rules keep anything. */
  readonly status?: string;
}

/** An image an action or a view points at: its id and the region it lives in. */
export interface ImageTarget {
  readonly imageId: string;
  readonly region: string;
}
