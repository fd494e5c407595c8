import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { section } from '../settings/connection';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';
import { checkProfileName } from '../shared/validation';
import { askProfile, type ProfileTarget } from './profileWizard';

/** The programmatic form `{ profile }`, checked: it writes the user's settings. */
function givenProfile(arg: Record<string, unknown>): { profile: string; target: ProfileTarget } {
  const given = arg.profile ?? '';
  if (typeof given !== 'string') {
    throw new Error('Pass { profile: "name" } ("" for the default credential chain).');
  }
  const profile = given.trim();
  const problem = profile ? checkProfileName(profile) : undefined;
  if (problem) {
    throw new Error(problem);
  }
  return { profile, target: vscode.ConfigurationTarget.Global };
}

/**
 * amiExplorer.selectProfile: "" = the SDK's default chain. Returns the profile now in use. The programmatic form
 * `{ profile }` writes the user's settings; the wizard asks the profile, then where to save it when a trusted
 * workspace is open.
 */
export function selectProfile(aws: AwsService): CommandHandler {
  return async (arg) => {
    const chosen = isPlainObject(arg) ? givenProfile(arg) : await askProfile(aws);
    if (!chosen) {
      return undefined;
    }
    await vscode.workspace.getConfiguration(section).update('profile', chosen.profile, chosen.target);
    await aws.reset();
    return chosen.profile;
  };
}
