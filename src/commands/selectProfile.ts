import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { section } from '../aws/connectionSettings';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';

const profileRule = /^[\w.@+-]{1,128}$/;

/** amiExplorer.selectProfile: "" = the SDK's default chain. Returns the profile now in use. */
export function selectProfile(aws: AwsService): CommandHandler {
  return async (arg) => {
    let profile: string | undefined;
    if (isPlainObject(arg)) {
      const given = arg.profile ?? '';
      if (typeof given !== 'string') {
        throw new Error('Pass { profile: "name" } ("" for the default credential chain).');
      }
      profile = given.trim();
      if (profile && !profileRule.test(profile)) {
        throw new Error(`"${profile}" is not a valid profile name.`);
      }
    } else {
      const current = aws.connection().profile;
      const profiles = await aws.listProfiles();
      type Item = vscode.QuickPickItem & { profile: string };
      const items: Item[] = [
        { label: '$(key) Default credential chain', description: 'AWS_PROFILE, environment variables, SSO, instance role…', profile: '' },
        ...profiles.map((p) => ({ label: `$(account) ${p.name}`, description: [p.kind, p.region].filter(Boolean).join(' · '), profile: p.name })),
      ].map((i) => (i.profile === current ? { ...i, detail: 'current' } : i));
      const picked = await vscode.window.showQuickPick(items, {
        title: 'AWS profile for AMI Explorer',
        placeHolder: profiles.length ? 'Profiles from ~/.aws/config and ~/.aws/credentials' : 'No profiles found: run `aws configure` to create one',
      });
      if (!picked) {
        return undefined;
      }
      profile = picked.profile;
    }
    await vscode.workspace.getConfiguration(section).update('profile', profile, vscode.ConfigurationTarget.Global);
    await aws.reset();
    return profile;
  };
}
