// The create-image action's input object and summary, checked and worded without AWS. Pure.
import type { ImageCreationRequest } from '../../aws/launchModel';
import type { InstanceInfo } from '../../aws/model';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
import type { ActionSummary } from '../../shared/summaryText';
import { checkImageName, checkInstanceId, checkRegion } from '../../shared/validation';
import { checkTags } from '../../shared/tagList';
import { checkImageDescription } from './imageVersion';

const createSchema: Schema = {
  instanceId: required(checkWith(checkInstanceId)),
  region: required(checkWith(checkRegion)),
  name: required(checkWith(checkImageName)),
  description: optional(checkWith(checkImageDescription)),
  noReboot: optional(isBoolean),
  tags: optional(checkWith(checkTags)),
};

/** `{ instanceId, region, name, description?, noReboot?, tags? }`. */
export function parseCreateRequest(input: unknown): { region: string; request: ImageCreationRequest } {
  const arg = readOptions(input, createSchema, 'Create image');
  return {
    region: arg.region as string,
    request: {
      instanceId: arg.instanceId as string,
      name: arg.name as string,
      description: (arg.description as string | undefined) || undefined,
      noReboot: arg.noReboot === true,
      tags: (arg.tags as Record<string, string> | undefined) ?? {},
    },
  };
}

/** The summary before CreateImage: the image and its snapshots, and what happens to the instance. */
export function createImageSummary(request: ImageCreationRequest, instance: InstanceInfo): ActionSummary {
  const label = instance.name ? `${instance.name} (${instance.id})` : instance.id;
  return {
    title: `Create image "${request.name}" from ${label}`,
    accept: 'Create Image',
    regions: [instance.region],
    lines: [
      `Creates the image "${request.name}" and a snapshot of each of its volumes, billed as EBS snapshot storage`,
      `Instance: ${label}, ${instance.state}`,
      instance.state !== 'running' ? 'The instance is stopped: no reboot needed'
        : request.noReboot ? 'No reboot: files being written may be captured half-written'
          : 'Reboots the instance first (a minute of downtime) so every file is on disk',
      `Description: ${request.description || '(none)'}`,
      `Tags on the image and its snapshots: ${Object.entries(request.tags).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)'}`,
    ],
  };
}
