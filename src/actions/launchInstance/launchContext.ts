import type { AwsService } from '../../aws/awsService';
import type { SecurityGroupInfo, SubnetInfo } from '../../aws/launchModel';
import type { ImageInfo } from '../../aws/model';

/** What the launch wizard knows and has been told. */
export interface LaunchContext {
  readonly aws: AwsService;
  readonly image: ImageInfo;
  readonly region: string;
  readonly architecture: string;
  instanceType?: string;
  keyName?: string;
  subnet?: SubnetInfo;
  vpcId?: string;
  securityGroups?: SecurityGroupInfo[];
  /** Its name or ARN. */
  instanceProfile?: string;
  /** The text, at most 16 KB. */
  userData?: string;
  name?: string;
  count?: number;
}
