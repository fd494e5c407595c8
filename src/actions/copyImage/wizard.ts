import * as vscode from 'vscode';
import { noIcons } from '../../shared/format';
import type { AwsService } from '../../aws/awsService';
import type { ImageInfo, RegionInfo } from '../../aws/model';
import { isEncrypted } from '../../shared/imageSnapshots';
import { checkImageName } from '../../shared/validation';
import { answersOf, Wizard, WizardCancelled, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import type { CopyRequest } from './request';
import type { ImageTarget } from '../common/imageTarget';

/** What the copy wizard knows and has been told. */
interface CopyContext {
  readonly aws: AwsService;
  readonly target: ImageTarget;
  readonly image: ImageInfo;
  /** Regions the image can be copied to, and those the Images view shows. */
  readonly regions: readonly RegionInfo[];
  readonly shown: ReadonlySet<string>;
  targetRegions?: string[];
  name?: string;
  description?: string;
  encryption?: 'none' | 'default' | 'choose';
  kmsKeyIds: Readonly<Record<string, string>>;
  copyTags?: boolean;
}

const targetRegions: WizardStep<CopyContext> = {
  async prompt(ctx, ui) {
    const { image, target } = ctx;
    const picked = await ui.pickMany({
      title: 'target regions',
      placeholder: noIcons(`Copy ${image.name} (${image.id}, ${target.region}) to…`),
      items: ctx.regions.map((r) => ({ label: r.name, description: ctx.shown.has(r.name) ? 'shown in the Images view' : undefined, value: r.name })),
    });
    if (!picked.length) {
      throw new WizardCancelled('No target region');
    }
    ctx.targetRegions = picked;
  },
};

const name: WizardStep<CopyContext> = {
  async prompt(ctx, ui) {
    ctx.name = (await ui.input({
      title: 'name of the copies', value: ctx.image.name, validate: checkImageName,
      prompt: 'Names are unique per region; the source\'s name is fine in other regions',
    })).trim();
  },
};

const description: WizardStep<CopyContext> = {
  async prompt(ctx, ui) {
    ctx.description = await ui.input({
      title: 'description', value: ctx.image.description ?? '',
      validate: (v) => (v.length > 255 ? 'Up to 255 characters.' : undefined),
    });
  },
};

const encryption: WizardStep<CopyContext> = {
  async prompt(ctx, ui) {
    const sourceEncrypted = isEncrypted(ctx.image);
    ctx.encryption = await ui.pick({
      title: 'encryption',
      items: [
        ...(sourceEncrypted ? [] : [{ label: 'Not encrypted', description: 'like the source', value: 'none' as const }]),
        { label: 'Encrypt with the default EBS key', description: sourceEncrypted ? 'the source is encrypted, so the copies are too' : 'alias/aws/ebs of each region', value: 'default' as const },
        { label: 'Encrypt with a KMS key…', description: 'pick an alias in each target region', value: 'choose' as const },
      ],
    });
    return ctx.encryption === 'choose' ? (ctx.targetRegions ?? []).map(kmsKey) : [];
  },
};

/** One step per target region when the person chooses the keys: KMS keys belong to one region. */
function kmsKey(region: string): WizardStep<CopyContext> {
  return {
    async prompt(ctx, ui) {
      const alias = await ui.pick({
        title: `KMS key for the copy in ${region}`,
        placeholder: 'Key alias',
        items: ctx.aws.kmsAliases(region).then((aliases) => aliases.length
          ? aliases.map((a) => ({ label: noIcons(a.name), description: a.awsManaged ? 'AWS managed' : undefined, detail: a.keyId, value: a.name }))
          : [{ label: `No KMS key aliases in ${region}`, description: 'go back and choose another encryption', note: true as const }]),
      });
      ctx.kmsKeyIds = { ...ctx.kmsKeyIds, [region]: alias };
    },
  };
}

const tags: WizardStep<CopyContext> = {
  shouldPrompt: (ctx) => Object.keys(ctx.image.tags).length > 0,
  async prompt(ctx, ui) {
    ctx.copyTags = await ui.pick({
      title: 'tags',
      items: [
        { label: 'Copy the tags', description: noIcons(Object.entries(ctx.image.tags).map(([k, v]) => `${k}=${v}`).join(', ')), value: true },
        { label: 'No tags on the copies', value: false },
      ],
    });
  },
};

/** Asks for the copy's target regions, name, description, encryption and tags. Undefined when cancelled. */
export async function askCopyRequest(aws: AwsService, target: ImageTarget): Promise<Answers<CopyRequest> | undefined> {
  const [{ image }, regions, shown] = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Reading ${target.imageId}` },
    () => Promise.all([aws.describeImage(target.region, target.imageId), aws.listRegions(), aws.regions()]),
  );
  const candidates = regions.filter((r) => r.name !== target.region && r.optInStatus !== 'not-opted-in');
  const wizard = new Wizard<CopyContext>('Copy image', [targetRegions, name, description, encryption, tags], {
    aws, target, image, regions: candidates, shown: new Set(shown), kmsKeyIds: {},
  });
  return answersOf(wizard, (ctx) => ({
    imageId: target.imageId, region: target.region, targetRegions: ctx.targetRegions ?? [], name: ctx.name, description: ctx.description,
    encrypted: ctx.encryption !== 'none', kmsKeyIds: ctx.kmsKeyIds, copyTags: ctx.copyTags ?? false,
  }));
}
