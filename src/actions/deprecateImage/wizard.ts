import type { ImageInfo } from '../../aws/model';
import { utc } from '../../shared/format';
import { deprecationLabel } from '../../shared/imageMarkdown';
import { answersOf, Wizard, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import { checkDeprecationDate, deprecationChoices, parseDeprecationDate } from './deprecationDates';
import type { DeprecateAt } from './request';

/** What the deprecate wizard knows and has been told. */
interface DeprecateContext {
  readonly image: ImageInfo;
  readonly now: number;
  at?: DeprecateAt;
}

const when: WizardStep<DeprecateContext> = {
  async prompt(ctx, ui) {
    const { image, now } = ctx;
    const current = deprecationLabel(image, now);
    const choice = await ui.pick({
      title: `${image.name} (${image.id})`,
      placeholder: current ? `Currently ${current}` : 'Not deprecated. When should it be?',
      items: deprecationChoices(now, image.deprecationTime).map((c) => ({
        label: c.kind === 'cancel' ? '$(close) Cancel the deprecation' : c.kind === 'date' ? '$(calendar) On a date…' : c.label,
        description: c.kind === 'at' ? utc(c.at.toISOString()) : c.kind === 'cancel' ? `now ${current ?? ''}` : 'YYYY-MM-DD, midnight UTC',
        value: c,
      })),
    });
    ctx.at = choice.kind === 'at' ? choice.at : choice.kind === 'cancel' ? null : undefined;
    return choice.kind === 'date' ? [onDate] : [];
  },
};

const onDate: WizardStep<DeprecateContext> = {
  async prompt(ctx, ui) {
    const text = await ui.input({
      title: `${ctx.image.name} on`,
      prompt: 'A date (midnight UTC) or an ISO 8601 time; EC2 rounds it to the minute.',
      placeholder: new Date(ctx.now + 90 * 86_400_000).toISOString().slice(0, 10),
      validate: (v) => {
        const at = parseDeprecationDate(v);
        return typeof at === 'string' ? at : checkDeprecationDate(at, ctx.image);
      },
    });
    ctx.at = parseDeprecationDate(text) as Date;
  },
};

/** The date asked of the person (null: cancel the deprecation), or undefined when they cancel the wizard. */
export function askDeprecateAt(image: ImageInfo): Promise<Answers<{ image: ImageInfo; at: DeprecateAt }> | undefined> {
  const wizard = new Wizard<DeprecateContext>('Deprecate', [when], { image, now: Date.now() });
  return answersOf(wizard, (ctx) => (ctx.at === undefined ? undefined : { image, at: ctx.at }));
}
