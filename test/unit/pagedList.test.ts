import * as assert from 'node:assert/strict';
import { PagedList } from '../../src/explorer/pagedList';
import { at } from '../must';

function pager(pages: string[][]) {
  let calls = 0;
  const list = new PagedList<string>(async (token) => {
    calls++;
    const index = token ? Number(token) : 0;
    await new Promise((r) => setTimeout(r, 5));
    return { items: at(pages, index, 'page'), nextToken: index + 1 < pages.length ? String(index + 1) : undefined };
  });
  return { list, calls: () => calls };
}

describe('PagedList', () => {
  it('loads one page at a time and knows when there are more', async () => {
    const { list, calls } = pager([['a', 'b'], ['c']]);
    assert.equal(list.hasMore, true);
    await list.ensureFirstPage();
    assert.deepEqual(list.loaded, ['a', 'b']);
    assert.equal(list.hasMore, true);
    await list.loadNext();
    assert.deepEqual(list.loaded, ['a', 'b', 'c']);
    assert.equal(list.hasMore, false);
    await list.loadNext();
    assert.equal(calls(), 2);
  });

  it('joins a second click while a page is loading instead of loading twice', async () => {
    const { list, calls } = pager([['a'], ['b'], ['c']]);
    await list.ensureFirstPage();
    await Promise.all([list.loadNext(), list.loadNext(), list.loadNext()]);
    assert.deepEqual(list.loaded, ['a', 'b']);
    assert.equal(calls(), 2);
  });

  it('ensureFirstPage does not reload', async () => {
    const { list, calls } = pager([['a'], ['b']]);
    await list.ensureFirstPage();
    await list.ensureFirstPage();
    assert.equal(calls(), 1);
  });

  it('a failed first page can be retried', async () => {
    let fail = true;
    const list = new PagedList<string>(() => {
      if (fail) {
        fail = false;
        return Promise.reject(new Error('boom'));
      }
      return Promise.resolve({ items: ['x'] });
    });
    await assert.rejects(list.ensureFirstPage(), /boom/);
    await list.ensureFirstPage();
    assert.deepEqual(list.loaded, ['x']);
  });
});

describe('PagedList after a reset', () => {
  it('drops the page that was loading: a refresh plus "Load more" never loads the first page twice', async () => {
    const signals: AbortSignal[] = [];
    let release: (() => void)[] = [];
    const list = new PagedList<string>((token, signal) => {
      signals.push(signal);
      return new Promise((resolve) => {
        release.push(() => resolve({ items: token ? ['b'] : ['a'], nextToken: token ? undefined : '1' }));
      });
    });
    const stale = list.ensureFirstPage();
    list.reset();
    assert.ok(signals[0]?.aborted, 'the stale load was aborted');
    const fresh = list.ensureFirstPage();
    const [first, second] = release;
    assert.ok(first && second, 'both loads started');
    release = [];
    second();
    await fresh;
    first();
    await stale;
    assert.deepEqual(list.loaded, ['a'], 'the stale page was not appended');
    const more = list.loadNext();
    at(release, 0, 'the load of the next page')();
    await more;
    assert.deepEqual(list.loaded, ['a', 'b'], 'and ids stay unique');
  });

  it('a failure of the replaced load is not reported', async () => {
    let fail: (e: Error) => void = () => {};
    const list = new PagedList<string>(() => new Promise((_, reject) => { fail = reject; }));
    const stale = list.ensureFirstPage();
    list.reset();
    fail(new Error('late failure'));
    await stale;
  });
});
