import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { section } from '../settings/connection';
import { noIcons } from '../shared/format';
import { log } from '../shared/log';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';
import { checkProfileName } from '../shared/validation';

type Target = vscode.ConfigurationTarget.Global | vscode.ConfigurationTarget.Workspace;

/**
 * Where to save: the user's settings unless the person picks this workspace. Only asked with a trusted workspace
 * open (an untrusted one ignores its own profile), and never answered for them.
 */
async function chooseTarget(profile: string): Promise<Target | undefined> {
  if (!vscode.workspace.workspaceFolders?.length || !vscode.workspace.isTrusted) {
    return vscode.ConfigurationTarget.Global;
  }
  const inspected = vscode.workspace.getConfiguration(section).inspect<string>('profile');
  const workspaceValue = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
  type Item = vscode.QuickPickItem & { target: Target };
  const items: Item[] = [
    {
      label: 'User settings', description: 'every window', target: vscode.ConfigurationTarget.Global,
      detail: workspaceValue !== undefined ? noIcons(`This workspace sets its own profile ("${workspaceValue}"), which still applies here.`) : undefined,
    },
    { label: 'This workspace', description: 'its .vscode/settings.json', target: vscode.ConfigurationTarget.Workspace },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: noIcons(`Save the profile "${profile || 'default credential chain'}" in…`) });
  return picked?.target;
}

/**
 * amiExplorer.selectProfile: "" = the SDK's default chain. Returns the profile now in use. The programmatic form
 * `{ profile }` writes the user's settings; the picker asks where when a workspace is open.
 */
export function selectProfile(aws: AwsService): CommandHandler {
  return async (arg) => {
    let profile: string | undefined;
    let target: Target | undefined = vscode.ConfigurationTarget.Global;
    if (isPlainObject(arg)) {
      const given = arg.profile ?? '';
      if (typeof given !== 'string') {
        throw new Error('Pass { profile: "name" } ("" for the default credential chain).');
      }
      profile = given.trim();
      const problem = profile ? checkProfileName(profile) : undefined;
      if (problem) {
        throw new Error(problem);
      }
    } else {
      const current = aws.connection().profile;
      // The setting would ignore a name the AWS CLI does not allow, so it is not offered.
      const profiles = (await aws.listProfiles()).filter((p) => {
        const problem = checkProfileName(p.name);
        if (problem) {
          log().warn(`Profile not offered: ${problem}`);
        }
        return !problem;
      });
      type Item = vscode.QuickPickItem & { profile: string };
      const items: Item[] = [
        { label: '$(key) Default credential chain', description: 'AWS_PROFILE, environment variables, SSO, instance role…', profile: '' },
        ...profiles.map((p) => ({ label: `$(account) ${p.name}`, description: noIcons([p.kind, p.region].filter(Boolean).join(' · ')), profile: p.name })),
      ].map((i) => (i.profile === current ? { ...i, detail: 'current' } : i));
      const picked = await vscode.window.showQuickPick(items, {
        title: 'AWS profile for AMI Explorer',
        placeHolder: profiles.length ? 'Profiles from ~/.aws/config and ~/.aws/credentials' : 'No profiles found: run `aws configure` to create one',
      });
      if (!picked) {
        return undefined;
      }
      profile = picked.profile;
      target = await chooseTarget(profile);
      if (target === undefined) {
        return undefined;
      }
    }
    await vscode.workspace.getConfiguration(section).update('profile', profile, target);
    await aws.reset();
    return profile;
  };
}
