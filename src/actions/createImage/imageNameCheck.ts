import type { ActionDeps } from '../common/actionDeps';

/** Undefined when the name is free in the region, else why it cannot be used. */
export async function nameTaken(deps: ActionDeps, region: string, name: string): Promise<string | undefined> {
  const [existing] = await deps.aws.ownedImagesNamed(region, name);
  return existing ? `An image named "${name}" already exists in ${region} (${existing.id}): image names are unique per account and region. Choose another name.` : undefined;
}
