import * as vscode from 'vscode';
import { noIcons } from '../../shared/format';
import type { ImageCreationRequest } from '../../aws/launchModel';
import type { InstanceInfo } from '../../aws/model';
import { checkImageName } from '../../shared/validation';
import type { ActionDeps } from '../common/actionDeps';
import { nameTaken } from './imageNameCheck';
import { pickRegion } from '../common/imageTarget';
import { parseTagList } from '../../shared/tagList';
import { checkImageDescription, dateVersion, nextVersion, suggestImageName, suggestedTags } from './imageVersion';

type Item<T> = vscode.QuickPickItem & { value: T };

const step = (n: number, title: string) => `Create image (${n}/4): ${title}`;

/** From the palette: a region, then one of its running or stopped instances. */
export async function pickInstance(deps: ActionDeps): Promise<InstanceInfo | undefined> {
  const region = await pickRegion(deps.aws, 'Create image: region of the instance');
  if (!region) {
    return undefined;
  }
  const list = deps.aws.listImageableInstances(region);
  const pick = await vscode.window.showQuickPick<Item<InstanceInfo>>(
    list.then((instances) => instances.map((i) => ({
      label: noIcons(i.name ?? i.id), description: [i.name ? i.id : undefined, i.state, i.type].filter(Boolean).join(' · '), detail: i.imageId && `from ${i.imageId}`, value: i,
    }))),
    { title: `Create image: instance in ${region}`, placeHolder: 'Running or stopped instances', matchOnDescription: true, ignoreFocusOut: true },
  );
  return pick?.value;
}

/** Asks for the name until it is valid and free in the region; undefined when the person cancels. */
async function askName(deps: ActionDeps, instance: InstanceInfo, suggestion: string): Promise<string | undefined> {
  let value = suggestion;
  let problem: string | undefined;
  for (;;) {
    const name = await vscode.window.showInputBox({
      title: step(1, 'name'), value, ignoreFocusOut: true,
      prompt: problem ?? `Unique among your images in ${instance.region}: 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _`,
      validateInput: (v) => checkImageName(v),
    });
    if (name === undefined) {
      return undefined;
    }
    problem = await nameTaken(deps, instance.region, name);
    if (!problem) {
      return name;
    }
    value = name;
  }
}

/**
 * The interactive Create image: name (checked free in the region), description, tags (Version of today and the
 * instance's Name / Project offered), and whether to reboot; the command's summary follows. Undefined when cancelled.
 */
export async function askImageCreation(deps: ActionDeps, instance: InstanceInfo): Promise<ImageCreationRequest | undefined> {
  const region = instance.region;
  const today = new Date();
  const taken = await deps.aws.ownedTagValues(region, 'Version', dateVersion(today));
  const version = nextVersion(today, taken);
  const name = await askName(deps, instance, suggestImageName(instance.name ?? instance.id, version));
  if (name === undefined) {
    return undefined;
  }
  const description = await vscode.window.showInputBox({
    title: step(2, 'description'), value: `${instance.name ?? instance.id} (${instance.id}), ${version}`, ignoreFocusOut: true,
    prompt: 'Shown with the image in EC2 (optional)', validateInput: (v) => checkImageDescription(v),
  });
  if (description === undefined) {
    return undefined;
  }

  const offered = Object.entries(suggestedTags(instance.tags, version));
  const tagPicks = await vscode.window.showQuickPick<Item<[string, string]>>(
    offered.map(([k, v]) => ({ label: noIcons(`${k}=${v}`), description: k === 'Version' ? 'today\'s version' : 'from the instance', value: [k, v], picked: true })),
    { title: step(3, 'tags (on the image and its snapshots)'), canPickMany: true, ignoreFocusOut: true },
  );
  if (!tagPicks) {
    return undefined;
  }
  const more = await vscode.window.showInputBox({
    title: step(3, 'more tags'), prompt: 'More tags as Key=Value, comma-separated (optional)', placeHolder: 'Team=platform, Os=al2023',
    ignoreFocusOut: true, validateInput: (v) => { const r = parseTagList(v); return typeof r === 'string' ? r : undefined; },
  });
  if (more === undefined) {
    return undefined;
  }
  const tags = { ...Object.fromEntries(tagPicks.map((p) => p.value)), ...(parseTagList(more) as Record<string, string>) };

  let noReboot = false;
  if (instance.state === 'running') {
    const reboot = await vscode.window.showQuickPick<Item<boolean>>([
      { label: 'Reboot the instance first', description: 'recommended', detail: 'EC2 shuts it down briefly so every file is on disk: a consistent image, a minute of downtime.', value: false },
      { label: 'No reboot', description: '--no-reboot', detail: 'No downtime, but files being written may be captured half-written: the file system\'s consistency is not guaranteed.', value: true },
    ], { title: step(4, `reboot ${instance.name ?? instance.id}?`), ignoreFocusOut: true });
    if (!reboot) {
      return undefined;
    }
    noReboot = reboot.value;
  }

  return { instanceId: instance.id, name, description: description || undefined, noReboot, tags };
}
