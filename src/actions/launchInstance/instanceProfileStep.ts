import type { AwsService } from '../../aws/awsService';
import { noIcons } from '../../shared/format';
import type { Entry, WizardStep } from '../../shared/wizard/wizard';
import type { LaunchContext } from './launchContext';
import { checkInstanceProfile } from './launchChoices';

type ProfileChoice = { readonly kind: 'none' } | { readonly kind: 'profile'; readonly name: string } | { readonly kind: 'type' };

const none: Entry<ProfileChoice> = { label: 'None', description: 'no AWS credentials on the instances', value: { kind: 'none' } };

/** None, then the account's instance profiles; when IAM will not list them, typing a name instead, and why. */
async function profileEntries(aws: AwsService, region: string): Promise<Entry<ProfileChoice>[]> {
  try {
    const profiles = await aws.listInstanceProfiles(region);
    return [none, ...profiles.map((p) => ({
      label: noIcons(p.name), description: p.roles.length ? `role ${noIcons(p.roles.join(', '))}` : 'no role', detail: noIcons(p.arn),
      value: { kind: 'profile' as const, name: p.name },
    }))];
  } catch (error) {
    return [
      none,
      { label: '$(edit) Type its name…', description: 'the instance profiles could not be listed', value: { kind: 'type' } },
      { label: noIcons(error instanceof Error ? error.message : String(error)), note: true },
    ];
  }
}

const typedProfile: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.instanceProfile = (await ui.input({
      title: 'instance profile name', placeholder: 'web-server', validate: (v) => checkInstanceProfile(v.trim()),
      prompt: 'The name of an instance profile of the account (or its ARN); EC2 checks it at launch',
    })).trim();
  },
};

/** The IAM instance profile (a role's credentials on the instances), or none. */
export const instanceProfileStep: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    const choice = await ui.pick({
      title: 'instance profile', placeholder: 'The IAM role whose credentials the instances get', matchOnDescription: true,
      items: profileEntries(ctx.aws, ctx.region),
    });
    ctx.instanceProfile = choice.kind === 'profile' ? choice.name : undefined;
    return choice.kind === 'type' ? [typedProfile] : [];
  },
};
