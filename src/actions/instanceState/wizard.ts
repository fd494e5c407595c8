import type { InstanceInfo } from '../../aws/model';
import { noIcons } from '../../shared/format';
import { answersOf, Wizard, type Answers, type WizardStep } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { regionStep, type RegionContext } from '../common/imageTarget';
import { verbRules, type InstanceTarget, type InstanceVerb } from './request';

/** What the palette's instance wizard knows and has been told. */
interface InstanceContext extends RegionContext {
  readonly verb: InstanceVerb;
  instance?: InstanceInfo;
}

const instanceStep: WizardStep<InstanceContext> = {
  async prompt(ctx, ui) {
    const region = ctx.region ?? '';
    const { from, title } = verbRules[ctx.verb];
    ctx.instance = await ui.pick({
      title: `instance in ${region}`, placeholder: `The ${from.join(' or ')} instances: ${title.toLowerCase()} which?`, matchOnDescription: true,
      items: ctx.aws.listInstancesInStates(region, from).then((instances) => (instances.length ? instances.map((i) => ({
        label: noIcons(i.name ?? i.id), description: [i.name ? i.id : undefined, i.state, i.type].filter(Boolean).join(' · '),
        detail: i.imageId && `from ${i.imageId}`, value: i,
      })) : [{ label: `No ${from.join(' or ')} instance in ${region}`, note: true as const }])),
    });
  },
};

/** From the palette: the region (when the views show several), then one of its instances the verb applies to. */
export function askInstance(deps: ActionDeps, verb: InstanceVerb): Promise<Answers<InstanceTarget> | undefined> {
  const wizard = new Wizard<InstanceContext>(`${verbRules[verb].title} instance`, [regionStep((c) => `region of the instance to ${c.verb}`), instanceStep], {
    aws: deps.aws, verb,
  });
  return answersOf(wizard, (ctx) => ctx.instance && { instanceId: ctx.instance.id, region: ctx.instance.region });
}
