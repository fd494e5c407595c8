import type { ImageInfo } from '../../aws/model';
import { protectionLabel } from '../../shared/retirementText';
import { answersOf, Wizard, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import type { ProtectionChange } from './request';

interface ProtectionContext {
  readonly image: ImageInfo;
  change?: ProtectionChange;
}

const choices: { label: string; description: string; value: ProtectionChange; current: string }[] = [
  { label: 'Protect, with a 24-hour cooldown', description: 'once turned off, it stays protected for 24 hours', value: { enabled: true, cooldown: true }, current: 'enabled-with-cooldown' },
  { label: 'Protect, without a cooldown', description: 'once turned off, it can be deregistered at once', value: { enabled: true, cooldown: false }, current: 'enabled-without-cooldown' },
  { label: 'Turn the protection off', description: 'Deregister allows it (after the cooldown, if it has one)', value: { enabled: false, cooldown: false }, current: 'disabled' },
];

const mode: WizardStep<ProtectionContext> = {
  async prompt(ctx, ui) {
    const { image } = ctx;
    // Older answers said "enabled" for protection without a cooldown.
    const now = image.deregistrationProtection === 'enabled' ? 'enabled-without-cooldown' : image.deregistrationProtection;
    ctx.change = await ui.pick({
      title: `${image.name} (${image.id})`,
      placeholder: `Deregistration protection now: ${protectionLabel(now) ?? 'not reported by EC2'}`,
      items: choices.map((c) => ({ label: c.label, description: c.current === now ? `current · ${c.description}` : c.description, value: c.value })),
    });
  },
};

/** The protection asked of the person, or undefined when they cancel. */
export function askProtection(image: ImageInfo): Promise<Answers<{ image: ImageInfo; change: ProtectionChange }> | undefined> {
  const wizard = new Wizard<ProtectionContext>('Deregistration Protection', [mode], { image });
  return answersOf(wizard, (ctx) => ctx.change && { image, change: ctx.change });
}
