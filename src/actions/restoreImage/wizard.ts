import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import type { RecycleBinImage } from '../../aws/model';
import { noIcons } from '../../shared/format';
import { expiryLabel } from '../../shared/retirementText';
import { answersOf, Wizard, WizardCancelled, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import { regionStep, type RegionContext } from '../common/imageTarget';

interface RestoreContext extends RegionContext {
  binned?: readonly RecycleBinImage[];
  image?: RecycleBinImage;
}

const pickImage: WizardStep<RestoreContext> = {
  async configure(ctx) {
    const region = ctx.region ?? '';
    ctx.binned = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Reading the Recycle Bin of ${region}` },
      () => ctx.aws.imagesInRecycleBin(region));
    if (!ctx.binned.length) {
      void vscode.window.showInformationMessage(`The Recycle Bin of ${region} keeps no image of this account: there is nothing to restore.`);
      throw new WizardCancelled('Empty Recycle Bin');
    }
  },
  async prompt(ctx, ui) {
    ctx.image = await ui.pick({
      title: `images in the Recycle Bin of ${ctx.region ?? ''}`,
      matchOnDescription: true,
      items: (ctx.binned ?? []).map((i) => ({ label: noIcons(i.name), description: `${i.id} · deleted for good ${expiryLabel(i.expiresAt)}`, value: i })),
    });
  },
};

/** From the palette: a region, then one of the images its Recycle Bin keeps. */
export function askBinnedImage(aws: AwsService): Promise<Answers<RecycleBinImage> | undefined> {
  const wizard = new Wizard<RestoreContext>('Restore', [regionStep<RestoreContext>(() => 'region'), pickImage], { aws });
  return answersOf(wizard, (ctx) => ctx.image);
}
