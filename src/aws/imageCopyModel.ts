// Plain data of the copy action, shared by the SDK side and the command.

export interface CopyImageInput {
  readonly sourceImageId: string;
  readonly sourceRegion: string;
  readonly name: string;
  readonly description?: string;
  readonly encrypted?: boolean;
  /** Id, ARN or alias of a KMS key in the target region; implies encryption. */
  readonly kmsKeyId?: string;
  readonly copyTags?: boolean;
}

export interface KmsAlias {
  /** e.g. "alias/golden-images". */
  readonly name: string;
  readonly keyId: string;
  /** `alias/aws/…`: keys AWS manages for a service, such as the default EBS key. */
  readonly awsManaged: boolean;
}
