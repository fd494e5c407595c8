import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import type { LaunchPermissionSet } from '../../aws/imageSharingModel';
import type { ImageDetails, LaunchPermissions } from '../../aws/model';
import { confirmDestructive } from '../../shared/confirm';
import { isEncrypted } from '../../shared/imageSnapshots';
import { checkAccountId, checkOrganizationArn, checkOrganizationalUnitArn } from '../../shared/validation';
import type { ImageTarget } from '../common/imageTarget';
import { answersOf, escapeGoesBack, Wizard, type Answers, type Entry, type WizardStep } from '../../shared/wizard/wizard';
import {
  blockPublicAccessExplanation, describeLaunchPermissions, emptyPermissionSet, encryptedPublicExplanation, encryptedShareNote,
  isEmptyPermissionChange, isEmptySet, shareRefusal, type ShareContext, type ShareRequest,
} from './request';

/** The image and the account facts a share is checked against; block public access is read only when needed. */
export async function readShareContext(aws: AwsService, imageId: string, region: string, makesPublic: boolean): Promise<{ ctx: ShareContext; details: ImageDetails }> {
  const [details, self, blockPublicAccess] = await Promise.all([
    aws.describeImage(region, imageId),
    aws.accountId(),
    makesPublic ? aws.imageBlockPublicAccessState(region) : undefined,
  ]);
  const image = details.image;
  return {
    details,
    ctx: {
      imageId, region, ownerId: image.ownerId, self, canReadPermissions: details.launchPermissions !== undefined,
      state: image.state, encrypted: isEncrypted(image), blockPublicAccess,
    },
  };
}

type Kind = 'accounts' | 'organizationArns' | 'organizationalUnitArns';

interface Grantee {
  readonly kind: Kind;
  readonly icon: string;
  readonly noun: string;
  readonly example: string;
  readonly check: (v: unknown) => string | undefined;
}

const grantees: Record<Kind, Grantee> = {
  accounts: { kind: 'accounts', icon: 'person', noun: 'account', example: '123456789012, 210987654321', check: checkAccountId },
  organizationArns: { kind: 'organizationArns', icon: 'organization', noun: 'organization', example: 'arn:aws:organizations::123456789012:organization/o-abcde12345', check: checkOrganizationArn },
  organizationalUnitArns: { kind: 'organizationalUnitArns', icon: 'type-hierarchy', noun: 'organizational unit', example: 'arn:aws:organizations::123456789012:ou/o-abcde12345/ou-ab12-cdef3456', check: checkOrganizationalUnitArn },
};
const kinds = [grantees.accounts, grantees.organizationArns, grantees.organizationalUnitArns];

/** What the share wizard knows, and the permissions to add and remove: nothing reaches EC2 before the summary. */
interface ShareWizardContext {
  readonly aws: AwsService;
  readonly facts: ShareContext;
  readonly details: ImageDetails;
  /** Who can launch it now. */
  readonly now: LaunchPermissions;
  add: LaunchPermissionSet;
  remove: LaunchPermissionSet;
  /** The kind of grantee being added. */
  adding?: Kind;
  shareSnapshots?: boolean;
}

type Action = 'apply' | 'public' | { readonly toggle: 'add' | 'remove'; readonly kind: Kind; readonly value: string } | { readonly add: Kind };

const toggled = (set: LaunchPermissionSet, kind: Kind, value: string): LaunchPermissionSet => ({
  ...set, [kind]: set[kind].includes(value) ? set[kind].filter((v) => v !== value) : [...set[kind], value],
});
const isPublicNow = (ctx: ShareWizardContext) => (ctx.now.public && !ctx.remove.public) || ctx.add.public;

function summary(ctx: ShareWizardContext): string {
  return [
    ...(isEmptySet(ctx.add) ? [] : [`add ${describeLaunchPermissions(ctx.add)}`]),
    ...(isEmptySet(ctx.remove) ? [] : [`remove ${describeLaunchPermissions(ctx.remove)}`]),
  ].join('; ');
}

/** Who can launch it now, with what is pending: pick one to change it, or to undo the change. */
function granteeLines(ctx: ShareWizardContext): Entry<Action>[] {
  const { now, add, remove } = ctx;
  const publicLine = isPublicNow(ctx)
    ? { label: '$(globe) Public: everyone', description: now.public ? 'pick to make private' : 'pending: make public (pick to undo)', value: 'public' as const }
    : { label: '$(lock) Not public', description: remove.public ? 'pending: make private (pick to undo)' : 'pick to make public…', value: 'public' as const };
  const lines = kinds.flatMap(({ kind, icon }) => [
    ...now[kind].map((value) => ({
      label: `$(${icon}) ${value}`, description: remove[kind].includes(value) ? 'pending: remove (pick to undo)' : 'pick to remove', value: { toggle: 'remove' as const, kind, value },
    })),
    ...add[kind].map((value) => ({ label: `$(${icon}) ${value}`, description: 'pending: add (pick to undo)', value: { toggle: 'add' as const, kind, value } })),
  ]);
  const nobody = isEmptySet(now) && isEmptyPermissionChange({ add, remove });
  return [{ heading: 'Who can launch it now' }, publicLine, ...lines, ...(nobody ? [{ label: 'Only you (private)', note: true as const }] : [])];
}

function permissionLines(ctx: ShareWizardContext): Entry<Action>[] {
  const pending = !isEmptyPermissionChange({ add: ctx.add, remove: ctx.remove });
  return [
    ...(pending ? [{ label: '$(check) Apply changes', description: summary(ctx), value: 'apply' as const }] : []),
    ...granteeLines(ctx),
    { heading: 'Add' },
    ...kinds.map((k) => ({ label: `$(add) Add ${k.noun}s…`, value: { add: k.kind } })),
  ];
}

/** "Make public", guarded: never for encrypted snapshots or under block public access, and only once confirmed. */
async function askMakePublic(ctx: ShareWizardContext): Promise<boolean> {
  const { facts, details } = ctx;
  if (facts.encrypted) {
    void vscode.window.showErrorMessage(encryptedPublicExplanation(facts.imageId));
    return false;
  }
  const state = await ctx.aws.imageBlockPublicAccessState(facts.region);
  if (shareRefusal({ add: { ...emptyPermissionSet, public: true }, remove: emptyPermissionSet }, { ...facts, blockPublicAccess: state })) {
    void vscode.window.showWarningMessage(blockPublicAccessExplanation(facts.region), { modal: true });
    return false;
  }
  return confirmDestructive(
    `Make ${details.image.name} (${facts.imageId}) public?`,
    `Every AWS account will be able to find and launch it, and copy what is on its disks. Check that it holds no secrets, keys or private data. Block public access is off for this account in ${facts.region}.`,
    'Make Public',
  );
}

async function togglePublic(ctx: ShareWizardContext): Promise<void> {
  if (isPublicNow(ctx)) {
    ctx.add = ctx.add.public ? { ...ctx.add, public: false } : ctx.add;
    ctx.remove = ctx.add.public ? ctx.remove : { ...ctx.remove, public: true };
  } else if (ctx.remove.public) {
    ctx.remove = { ...ctx.remove, public: false };
  } else {
    ctx.add = { ...ctx.add, public: await askMakePublic(ctx) };
  }
}

/** Removing access asks once more: those accounts' launch templates and Auto Scaling groups will fail. */
async function confirmRemovals(ctx: ShareWizardContext): Promise<boolean> {
  return isEmptySet(ctx.remove) || confirmDestructive(
    `Stop ${describeLaunchPermissions(ctx.remove)} from launching ${ctx.facts.imageId}?`,
    'Instances already running keep running, but they can no longer launch new ones, and launch templates or Auto Scaling groups of theirs that use it will fail.',
    'Remove Access',
  );
}

/** The list the wizard comes back to after each change; "Apply changes" goes on to the summary. */
const permissionList: WizardStep<ShareWizardContext> = {
  hub: true,
  async prompt(ctx, ui) {
    const { facts, details } = ctx;
    const action = await ui.pick({
      title: `${details.image.name} (${facts.imageId}, ${facts.region})`, placeholder: `Now: ${describeLaunchPermissions(ctx.now)}`, items: permissionLines(ctx),
    });
    if (action === 'apply') {
      return await confirmRemovals(ctx) ? [] : [permissionList];
    }
    if (action === 'public') {
      await togglePublic(ctx);
    } else if ('toggle' in action) {
      ctx[action.toggle] = toggled(ctx[action.toggle], action.kind, action.value);
    } else {
      ctx.adding = action.add;
      return [addGrantees, permissionList];
    }
    return [permissionList];
  },
};

const splitValues = (text: string) => text.split(/[\s,]+/).filter(Boolean);

const addGrantees: WizardStep<ShareWizardContext> = escapeGoesBack({
  async prompt(ctx, ui) {
    const k = grantees[ctx.adding ?? 'accounts'];
    const text = await ui.input({
      title: `with ${k.noun}s`, prompt: 'Separate several with commas or spaces', placeholder: k.example,
      validate: (v) => splitValues(v).map(k.check).find(Boolean),
    });
    const fresh = splitValues(text).filter((v, i, all) => all.indexOf(v) === i && !ctx.now[k.kind].includes(v) && !ctx.add[k.kind].includes(v));
    ctx.add = { ...ctx.add, [k.kind]: [...ctx.add[k.kind], ...fresh] };
  },
});

const snapshots: WizardStep<ShareWizardContext> = {
  shouldPrompt: (ctx) => ctx.add.accounts.length > 0 || ctx.remove.accounts.length > 0,
  async prompt(ctx, ui) {
    ctx.shareSnapshots = await ui.pick({
      title: `snapshots of ${ctx.facts.imageId}`, placeholder: ctx.facts.encrypted ? encryptedShareNote(ctx.facts.imageId) : undefined,
      items: [
        { label: 'Launch permission only', description: 'they can launch it, not copy it', value: false },
        { label: 'Also share its snapshots with the same accounts', description: 'createVolumePermission: lets them copy the image', value: true },
      ],
    });
  },
};

/** The request the answers make; sharing an encrypted image with organizations warns about its KMS key. */
function requestOf(ctx: ShareWizardContext): ShareRequest {
  const { facts, add, remove } = ctx;
  if (facts.encrypted && !add.public && !add.accounts.length && !remove.accounts.length && (add.organizationArns.length || add.organizationalUnitArns.length)) {
    void vscode.window.showWarningMessage(encryptedShareNote(facts.imageId));
  }
  return { imageId: facts.imageId, region: facts.region, change: { add, remove }, shareSnapshots: ctx.shareSnapshots ?? false };
}

/** Asks which permissions to add and remove, guarding "make public". Undefined when cancelled. */
export async function askShareRequest(aws: AwsService, target: ImageTarget): Promise<Answers<ShareRequest> | undefined> {
  const { imageId, region } = target;
  const { ctx: facts, details } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading ${imageId}` }, () => readShareContext(aws, imageId, region, false));
  const refusal = shareRefusal({ add: emptyPermissionSet, remove: emptyPermissionSet }, facts);
  if (refusal) {
    throw new Error(refusal);
  }
  const wizard = new Wizard<ShareWizardContext>('Share image', [permissionList, snapshots], {
    aws, facts, details, now: details.launchPermissions ?? emptyPermissionSet, add: emptyPermissionSet, remove: emptyPermissionSet,
  });
  return answersOf(wizard, requestOf);
}
