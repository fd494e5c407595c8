// Plain data for changing an instance's state and for what a launch may add; nothing here depends on the AWS SDK.

/** The states an instance settles in after Start (or Reboot), Stop and Terminate. */
export type SettledState = 'running' | 'stopped' | 'terminated';

/** What EC2 answers to StopInstances, StartInstances or TerminateInstances for one instance. */
export interface InstanceStateChange {
  readonly instanceId: string;
  readonly previousState?: string;
  readonly currentState?: string;
}

export interface VolumeInfo {
  readonly id: string;
  readonly sizeGiB?: number;
  readonly type?: string;
}

/** An IAM instance profile, which gives an instance its role's credentials. */
export interface InstanceProfileInfo {
  readonly name: string;
  readonly arn: string;
  readonly roles: readonly string[];
}
