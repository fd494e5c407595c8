import * as assert from 'node:assert/strict';
import { BackStack, restore, snapshotOf } from '../../src/shared/wizard/backStack';
import { runSteps, StepFlow } from '../../src/shared/wizard/flow';
import { stepNumbers } from '../../src/shared/wizard/numbering';
import { escapeGoesBack, GoBack, WizardCancelled, type Step, type StepPosition } from '../../src/shared/wizard/steps';

/** A scripted person: each prompt takes the next answer; 'back' presses Back, 'cancel' presses Escape. */
type Answer = string;
interface Ui {
  ask(name: string): Promise<string>;
}
interface Shown {
  name: string;
  step: number;
  totalSteps: number;
  canGoBack: boolean;
  previous?: unknown;
}

function scripted(answers: Answer[]) {
  const shown: Shown[] = [];
  const ui = (position: StepPosition): Ui => ({
    ask: (name) => {
      shown.push({ name, step: position.step, totalSteps: position.totalSteps, canGoBack: position.canGoBack, ...(position.previous === undefined ? {} : { previous: position.previous }) });
      const answer = answers.shift();
      assert.ok(answer !== undefined, `an answer for ${name}`);
      if (answer === 'back') {
        throw new GoBack();
      }
      if (answer === 'cancel') {
        throw new WizardCancelled();
      }
      position.remember(answer);
      return Promise.resolve(answer);
    },
  });
  return { ui, shown, numbers: () => shown.map((s) => `${s.name} ${s.step}/${s.totalSteps}`) };
}

type Ctx = Record<string, string | string[] | undefined>;
/** A step that asks `name` and stores the answer under it. */
function ask(name: string, extra: Partial<Step<Ctx, Ui>> = {}): Step<Ctx, Ui> {
  return {
    prompt: async (ctx, ui) => {
      ctx[name] = await ui.ask(name);
    },
    ...extra,
  };
}

describe('wizard step numbers', () => {
  it('count the answered steps, the current one and the steps ahead that would ask', () => {
    assert.deepEqual(stepNumbers([], 'a', ['b', 'c'], () => true), { step: 1, totalSteps: 3 });
    assert.deepEqual(stepNumbers(['a'], 'b', ['c', 'd'], (s) => s !== 'c'), { step: 2, totalSteps: 3 });
  });

  it('count a step the wizard comes back to (a hub) once', () => {
    assert.deepEqual(stepNumbers(['hub'], 'key', ['value', 'hub', 'tail'], () => true), { step: 2, totalSteps: 4 });
    assert.deepEqual(stepNumbers([], 'a', ['b', 'b'], () => true), { step: 1, totalSteps: 2 });
  });
});

describe('wizard back stack', () => {
  it('snapshots and restores the context: added properties go, changed ones come back', () => {
    const ctx: Record<string, unknown> = { a: 1, list: ['x'] };
    const snapshot = snapshotOf(ctx);
    ctx.a = 2;
    ctx.b = 3;
    ctx.list = [...(ctx.list as string[]), 'y'];
    restore(ctx, snapshot);
    assert.deepEqual(ctx, { a: 1, list: ['x'] });
  });

  it('rewinds to the first visit of a step', () => {
    const stack = new BackStack<string>();
    for (const step of ['a', 'hub', 'x', 'y']) {
      stack.push({ step, pending: [], snapshot: {} });
    }
    stack.rewindTo('hub');
    assert.deepEqual(stack.steps(), ['a']);
    stack.rewindTo('nowhere');
    assert.deepEqual(stack.steps(), ['a']);
    assert.equal(stack.pop()?.step, 'a');
    assert.equal(stack.pop(), undefined);
  });
});

describe('wizard flow', () => {
  it('asks each step in order, numbered, with Back after the first', async () => {
    const { ui, shown } = scripted(['1', '2', '3']);
    const ctx: Ctx = {};
    assert.equal(await runSteps([ask('a'), ask('b'), ask('c')], ctx, ui), true);
    assert.deepEqual(ctx, { a: '1', b: '2', c: '3' });
    assert.deepEqual(shown.map((s) => [s.name, s.step, s.totalSteps, s.canGoBack]), [['a', 1, 3, false], ['b', 2, 3, true], ['c', 3, 3, true]]);
  });

  it('skips a step that does not apply, and the total leaves it out (counting it once it applies)', async () => {
    const { ui, numbers } = scripted(['stopped', 'img', 'done']);
    const ctx: Ctx = {};
    const steps = [ask('state'), ask('name'), ask('reboot', { shouldPrompt: (c) => c.state === 'running' }), ask('last')];
    await runSteps(steps, ctx, ui);
    assert.deepEqual(numbers(), ['state 1/3', 'name 2/3', 'last 3/3']);
    assert.equal(ctx.reboot, undefined);
    const running = scripted(['running', 'img', 'no', 'done']);
    await runSteps(steps, {}, running.ui);
    assert.deepEqual(running.numbers(), ['state 1/3', 'name 2/4', 'reboot 3/4', 'last 4/4']);
  });

  it('Back restores the context as it was before the step and shows its earlier answer; a new answer goes on', async () => {
    const { ui, shown, numbers } = scripted(['us', 'old-name', 'back', 'back', 'eu', 'new-name', 'desc']);
    const ctx: Ctx = {};
    const steps = [ask('region'), ask('name'), ask('description')];
    assert.equal(await runSteps(steps, ctx, ui), true);
    assert.deepEqual(ctx, { region: 'eu', name: 'new-name', description: 'desc' });
    assert.deepEqual(numbers(), ['region 1/3', 'name 2/3', 'description 3/3', 'name 2/3', 'region 1/3', 'name 2/3', 'description 3/3']);
    assert.equal(shown[3]?.previous, 'old-name', 'Back to a step shows what it was given');
    assert.equal(shown[4]?.previous, 'us');
    assert.equal(shown[5]?.previous, undefined, 'going forward again asks afresh');
  });

  it('Back undoes what a later step changed in place of the earlier answer', async () => {
    const { ui } = scripted(['a', 'back', 'b', 'ok']);
    const ctx: Ctx & { list?: string[] } = { list: ['start'] };
    const add: Step<Ctx, Ui> = {
      prompt: async (c, u) => {
        c.list = [...(c.list as string[]), await u.ask('add')];
      },
    };
    const confirm = ask('confirm');
    await runSteps([add, confirm], ctx, ui);
    assert.deepEqual(ctx.list, ['start', 'b'], 'the first answer was undone, the second one added once');
    assert.equal(ctx.confirm, 'ok');
  });

  it('steps an answer adds come next and count from then on', async () => {
    const { ui, numbers } = scripted(['choose', 'key-eu', 'key-us', 'yes']);
    const ctx: Ctx = { regions: ['eu', 'us'] };
    const key = (region: string) => ask(`key-${region}`);
    const encryption: Step<Ctx, Ui> = {
      prompt: async (c, u) => {
        c.encryption = await u.ask('encryption');
        return c.encryption === 'choose' ? (c.regions as string[]).map(key) : [];
      },
    };
    await runSteps([encryption, ask('tags')], ctx, ui);
    assert.deepEqual(numbers(), ['encryption 1/2', 'key-eu 2/4', 'key-us 3/4', 'tags 4/4']);
  });

  it('Back from an added step returns to the step that added it, and another answer drops the added steps', async () => {
    const { ui, numbers } = scripted(['choose', 'back', 'default', 'yes']);
    const ctx: Ctx = {};
    const encryption: Step<Ctx, Ui> = {
      prompt: async (c, u) => {
        c.encryption = await u.ask('encryption');
        return c.encryption === 'choose' ? [ask('key')] : [];
      },
    };
    await runSteps([encryption, ask('tags')], ctx, ui);
    assert.deepEqual(numbers(), ['encryption 1/2', 'key 2/3', 'encryption 1/2', 'tags 2/2']);
    assert.equal(ctx.key, undefined);
  });

  it('a hub comes back after its spokes, keeps its number, and Back from it goes before it', async () => {
    const { ui, numbers, shown } = scripted(['img', 'add', 'Owner', 'ops', 'add', 'back', 'back', 'img2', 'save']);
    const ctx: Ctx & { tags?: string[] } = { tags: [] };
    const hub: Step<Ctx, Ui> = {
      hub: true,
      prompt: async (c, u) => {
        c.action = await u.ask('hub');
        return c.action === 'add' ? [ask('key'), value, hub] : [];
      },
    };
    const value: Step<Ctx, Ui> = {
      prompt: async (c, u) => {
        c.tags = [...(c.tags as string[]), `${String(c.key)}=${await u.ask('value')}`];
      },
    };
    assert.equal(await runSteps([ask('image'), hub], ctx, ui), true);
    assert.deepEqual(numbers(), ['image 1/2', 'hub 2/2', 'key 3/4', 'value 4/4', 'hub 2/2', 'key 3/4', 'hub 2/2', 'image 1/2', 'hub 2/2']);
    assert.deepEqual(shown.map((s) => s.canGoBack), [false, true, true, true, true, true, true, false, true]);
    assert.deepEqual(ctx.tags, [], 'Back from the hub to the step before it undid the changes made in the hub');
    assert.equal(ctx.image, 'img2');
  });

  it('configure runs going forward only, before shouldPrompt; Back to a step keeps what it configured', async () => {
    const { ui } = scripted(['a', 'b', 'back', 'b2', 'c']);
    const configured: string[] = [];
    const ctx: Ctx = {};
    const loads = ask('second', {
      configure: (c) => {
        configured.push(String(c.first));
        c.loaded = `for ${String(c.first)}`;
      },
      shouldPrompt: (c) => c.loaded !== undefined,
    });
    await runSteps([ask('first'), loads, ask('third')], ctx, ui);
    assert.deepEqual(configured, ['a']);
    assert.deepEqual(ctx, { first: 'a', loaded: 'for a', second: 'b2', third: 'c' });
  });

  it('Escape ends the wizard (false); a failure rejects', async () => {
    const { ui } = scripted(['1', 'cancel']);
    assert.equal(await runSteps([ask('a'), ask('b'), ask('c')], {}, ui), false);
    const failing: Step<Ctx, Ui> = { prompt: () => Promise.reject(new Error('DescribeImages failed')) };
    await assert.rejects(runSteps([failing], {}, scripted([]).ui), /DescribeImages failed/);
  });

  it('a configure that cancels ends the wizard', async () => {
    const empty = ask('images', { configure: () => { throw new WizardCancelled('No images'); } });
    assert.equal(await runSteps([empty], {}, scripted([]).ui), false);
  });

  it('Back on the first step (which has no Back button) asks it again', async () => {
    const { ui, numbers } = scripted(['back', 'x']);
    const ctx: Ctx = {};
    assert.equal(await runSteps([ask('only')], ctx, ui), true);
    assert.deepEqual(numbers(), ['only 1/1', 'only 1/1']);
    assert.deepEqual(ctx, { only: 'x' });
  });

  it('a spoke whose Escape goes back returns to its hub, which keeps the changes made before', async () => {
    const { ui, numbers } = scripted(['add', 'A', 'add', 'cancel', 'save']);
    const ctx: Ctx & { tags?: string[] } = { tags: [] };
    const hub: Step<Ctx, Ui> = {
      hub: true,
      prompt: async (c, u) => {
        c.action = await u.ask('hub');
        return c.action === 'add' ? [key, hub] : [];
      },
    };
    const key = escapeGoesBack<Ctx, Ui>({
      prompt: async (c, u) => {
        c.tags = [...(c.tags as string[]), await u.ask('key')];
      },
    });
    assert.equal(await runSteps([hub], ctx, ui), true, 'Escape in the spoke did not end the wizard');
    assert.deepEqual(numbers(), ['hub 1/1', 'key 2/2', 'hub 1/1', 'key 2/2', 'hub 1/1']);
    assert.deepEqual(ctx.tags, ['A']);
  });

  it('Back from after the last step (the summary) asks the last step again with its answer, then goes on', async () => {
    const { ui, shown, numbers } = scripted(['us', 'first', 'second']);
    const ctx: Ctx = {};
    const flow = new StepFlow([ask('region'), ask('name'), ask('unused', { shouldPrompt: () => false })], ctx, ui);
    assert.equal(flow.canGoBack, false, 'nothing answered yet');
    assert.equal(await flow.run(), true);
    assert.equal(flow.canGoBack, true);
    assert.deepEqual(ctx, { region: 'us', name: 'first' });
    assert.equal(await flow.back(), true);
    assert.deepEqual(numbers(), ['region 1/2', 'name 2/2', 'name 2/2']);
    assert.equal(shown[2]?.previous, 'first');
    assert.deepEqual(ctx, { region: 'us', name: 'second' });
  });

  it('Back from the summary of a wizard that asked nothing has nowhere to go: the answers stand', async () => {
    const ctx: Ctx = { given: 'x' };
    const flow = new StepFlow([ask('skipped', { shouldPrompt: () => false })], ctx, scripted([]).ui);
    assert.equal(await flow.run(), true);
    assert.equal(flow.canGoBack, false);
    assert.equal(await flow.back(), true);
    assert.deepEqual(ctx, { given: 'x' });
  });
});
