import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { section } from '../settings/connection';
import { noIcons } from '../shared/format';
import { log } from '../shared/log';
import { checkProfileName } from '../shared/validation';
import { runWizard, type WizardStep } from '../shared/wizard/wizard';

export type ProfileTarget = vscode.ConfigurationTarget.Global | vscode.ConfigurationTarget.Workspace;

type Profile = Awaited<ReturnType<AwsService['listProfiles']>>[number];

/** What the profile wizard knows and has been told. */
interface ProfileContext {
  readonly aws: AwsService;
  /** The profile in use now ("" = the default chain). */
  readonly current: string;
  profiles?: readonly Profile[];
  profile?: string;
  /** The user's settings unless the person picks this workspace. */
  target: ProfileTarget;
}

const profileStep: WizardStep<ProfileContext> = {
  async configure(ctx) {
    // The setting would ignore a name the AWS CLI does not allow, so it is not offered.
    ctx.profiles = (await ctx.aws.listProfiles()).filter((p) => {
      const problem = checkProfileName(p.name);
      if (problem) {
        log().warn(`Profile not offered: ${problem}`);
      }
      return !problem;
    });
  },
  async prompt(ctx, ui) {
    const profiles = ctx.profiles ?? [];
    ctx.profile = await ui.pick({
      title: 'profile for AMI Explorer',
      placeholder: profiles.length ? 'Profiles from ~/.aws/config and ~/.aws/credentials' : 'No profiles found: run `aws configure` to create one',
      items: [
        { label: '$(key) Default credential chain', description: 'AWS_PROFILE, environment variables, SSO, instance role…', value: '' },
        ...profiles.map((p) => ({ label: `$(account) ${p.name}`, description: noIcons([p.kind, p.region].filter(Boolean).join(' · ')), value: p.name })),
      ].map((choice) => (choice.value === ctx.current ? { ...choice, detail: 'current' } : choice)),
    });
  },
};

/**
 * Where to save. Asked only with a trusted workspace open: an untrusted one ignores its own profile, so the
 * user's settings are the only place that counts. Never answered for the person.
 */
const targetStep: WizardStep<ProfileContext> = {
  shouldPrompt: () => !!vscode.workspace.workspaceFolders?.length && vscode.workspace.isTrusted,
  async prompt(ctx, ui) {
    const inspected = vscode.workspace.getConfiguration(section).inspect<string>('profile');
    const workspaceValue = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    ctx.target = await ui.pick<ProfileTarget>({
      title: noIcons(`save "${ctx.profile || 'default credential chain'}" in…`),
      items: [
        {
          label: 'User settings', description: 'every window', value: vscode.ConfigurationTarget.Global,
          detail: workspaceValue !== undefined ? noIcons(`This workspace sets its own profile ("${workspaceValue}"), which still applies here.`) : undefined,
        },
        { label: 'This workspace', description: 'its .vscode/settings.json', value: vscode.ConfigurationTarget.Workspace },
      ],
    });
  },
};

/** The profile to use and where to save it, or undefined when the person cancelled. */
export async function askProfile(aws: AwsService): Promise<{ profile: string; target: ProfileTarget } | undefined> {
  const ctx = await runWizard<ProfileContext>('Select AWS profile', [profileStep, targetStep],
    { aws, current: aws.connection().profile, target: vscode.ConfigurationTarget.Global });
  return ctx?.profile === undefined ? undefined : { profile: ctx.profile, target: ctx.target };
}
