// The launch action's input object, checked whole before any call. Pure.
import type { LaunchRequest } from '../../aws/launchModel';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
import { checkImageId, checkRegion, checkTagValue } from '../../shared/validation';
import {
  checkInstanceCount, checkInstanceProfile, checkInstanceType, checkKeyName, checkSecurityGroupIds, checkSubnetId, checkUserData,
} from './launchChoices';

const launchSchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  instanceType: required(checkWith(checkInstanceType)),
  // A number, not the text the wizard's input box accepts.
  count: optional((v) => (typeof v === 'number' ? checkInstanceCount(v) : `The instance count must be a number, not ${JSON.stringify(v)}.`)),
  name: optional(checkWith(checkTagValue)),
  keyName: optional(checkWith(checkKeyName)),
  subnetId: optional(checkWith(checkSubnetId)),
  securityGroupIds: optional(checkWith(checkSecurityGroupIds)),
  userData: optional(checkWith(checkUserData)),
  instanceProfile: optional(checkWith(checkInstanceProfile)),
  imdsV2: optional(isBoolean),
};

/** `{ imageId, region, instanceType, count?, name?, keyName?, securityGroupIds?, subnetId?, userData?, instanceProfile?, imdsV2? }`. */
export function parseLaunchRequest(input: unknown): { region: string; request: LaunchRequest } {
  const arg = readOptions(input, launchSchema, 'Launch instance');
  return {
    region: arg.region as string,
    request: {
      imageId: arg.imageId as string,
      instanceType: arg.instanceType as string,
      count: (arg.count as number | undefined) ?? 1,
      name: (arg.name as string | undefined) || undefined,
      keyName: arg.keyName as string | undefined,
      subnetId: arg.subnetId as string | undefined,
      securityGroupIds: arg.securityGroupIds as string[] | undefined,
      // The text as given: readOptions trims strings, and a script's last newline matters to some shells.
      userData: (input as { userData?: string }).userData,
      instanceProfile: arg.instanceProfile as string | undefined,
      imdsV2: arg.imdsV2 !== false,
    },
  };
}
