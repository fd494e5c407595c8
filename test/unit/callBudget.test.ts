import * as assert from 'node:assert/strict';
import { CallBudget } from '../../src/aws/callBudget';
import { DeadlineError, withDeadline } from '../../src/aws/deadline';

const tick = () => new Promise((r) => setImmediate(r));
const throttle = Object.assign(new Error('slow down'), { name: 'RequestLimitExceeded' });
const isThrottled = (e: unknown) => e === throttle;

/** A task the test ends by hand, counting how many run at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const open: (() => void)[] = [];
  const task = () => new Promise<void>((resolve) => {
    running++;
    peak = Math.max(peak, running);
    open.push(() => { running--; resolve(); });
  });
  return { task, release: () => open.shift()?.(), get running() { return running; }, get peak() { return peak; } };
}

describe('CallBudget', () => {
  it('runs at most the allowance at once per key, and the others as slots free up', async () => {
    const budget = new CallBudget({ maxInFlight: 3 });
    const g = gate();
    const all = Array.from({ length: 10 }, () => budget.run('us-east-1', g.task, isThrottled));
    await tick();
    assert.equal(g.running, 3);
    for (let i = 0; i < 10; i++) {
      g.release();
      await tick();
    }
    await Promise.all(all);
    assert.equal(g.peak, 3);
    assert.equal(budget.peaks()['us-east-1'], 3);
  });

  it('keys are independent: a busy region does not hold up another', async () => {
    const budget = new CallBudget({ maxInFlight: 1 });
    const g = gate();
    void budget.run('eu-west-1', g.task, isThrottled);
    let other = false;
    await budget.run('us-east-1', () => { other = true; return Promise.resolve(); }, isThrottled);
    assert.ok(other);
    g.release();
  });

  it('throttling halves the allowance and pauses the lane; successes win it back', async () => {
    let now = 0;
    const budget = new CallBudget({ maxInFlight: 4, backoffMs: 1000, recoverAfter: 2 }, () => now);
    await assert.rejects(budget.run('r', () => Promise.reject(throttle), isThrottled));
    assert.equal(budget.limit('r'), 2);
    let started = false;
    const waiting = budget.run('r', () => { started = true; return Promise.resolve(); }, isThrottled);
    await tick();
    assert.equal(started, false, 'paused after throttling');
    now = 1001;
    await waiting; // the pause timer fires for real
    assert.ok(started);
    await budget.run('r', () => Promise.resolve(undefined), isThrottled);
    assert.equal(budget.limit('r'), 3, 'two successes win one slot back');
  });

  it('a caller that gives up while waiting leaves the queue, and the slot goes to the next', async () => {
    const budget = new CallBudget({ maxInFlight: 1 });
    const g = gate();
    void budget.run('r', g.task, isThrottled);
    const abort = new AbortController();
    const cancelled = budget.run('r', () => Promise.resolve('never'), isThrottled, abort.signal);
    const next = budget.run('r', () => Promise.resolve('next'), isThrottled);
    abort.abort();
    await assert.rejects(cancelled, { name: 'AbortError' });
    g.release();
    assert.equal(await next, 'next');
  });
});

describe('withDeadline', () => {
  it('fires even when the task ignores its signal, and aborts that signal', async () => {
    let seen: AbortSignal | undefined;
    const started = Date.now();
    await assert.rejects(withDeadline((signal) => { seen = signal; return new Promise(() => {}); }, 50), DeadlineError);
    assert.ok(Date.now() - started < 1000);
    assert.ok(seen?.aborted);
  });

  it('the caller\'s abort rejects with an AbortError at once', async () => {
    const abort = new AbortController();
    const running = withDeadline(() => new Promise(() => {}), 60_000, abort.signal);
    abort.abort();
    await assert.rejects(running, { name: 'AbortError' });
  });

  it('passes the answer through when it comes in time', async () => {
    assert.equal(await withDeadline(() => Promise.resolve(42), 1000), 42);
  });
});
