import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSearchesFor, defaultSearchesFor } from '../../src/settings/catalogDefaults';
import { partitionOf } from '../../src/shared/partition';

interface Search {
  label: string;
  owners: string[];
  name: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const defaults: Search[] = manifest.contributes.configuration.properties['amiExplorer.publicCatalog.searches'].default;
const searches = (region: string) => defaultSearchesFor(defaults, region) as Search[];
const ubuntu = (list: Search[]) => list.find((s) => s.label.startsWith('Ubuntu'));

describe('partitionOf', () => {
  it('tells the partitions apart by region name', () => {
    assert.equal(partitionOf('us-east-1'), 'aws');
    assert.equal(partitionOf('eu-west-1'), 'aws');
    assert.equal(partitionOf('ap-southeast-2'), 'aws');
    assert.equal(partitionOf('us-gov-west-1'), 'aws-us-gov');
    assert.equal(partitionOf('us-gov-east-1'), 'aws-us-gov');
    assert.equal(partitionOf('cn-north-1'), 'aws-cn');
    assert.equal(partitionOf('cn-northwest-1'), 'aws-cn');
    assert.equal(partitionOf('us-iso-east-1'), 'aws-iso');
    assert.equal(partitionOf('us-isob-east-1'), 'aws-iso');
    assert.equal(partitionOf('eu-isoe-west-1'), 'aws-iso');
    assert.equal(partitionOf('eusc-de-east-1'), 'aws-eusc');
  });
});

describe('the default public catalog searches, per partition', () => {
  it('are the setting default as written in the commercial partition', () => {
    assert.deepEqual(searches('us-east-1'), defaults);
    assert.deepEqual(ubuntu(searches('eu-west-1'))?.owners, ['099720109477']);
  });

  it("search Canonical's GovCloud account in GovCloud regions", () => {
    for (const region of ['us-gov-west-1', 'us-gov-east-1']) {
      assert.deepEqual(ubuntu(searches(region))?.owners, ['513442679011']);
    }
  });

  it("search Canonical's China account in China regions", () => {
    for (const region of ['cn-north-1', 'cn-northwest-1']) {
      assert.deepEqual(ubuntu(searches(region))?.owners, ['837727238323']);
    }
  });

  it('keep every other search, labels and patterns as they are ("amazon" is an alias in every partition)', () => {
    for (const region of ['us-gov-west-1', 'cn-north-1']) {
      const mapped = searches(region);
      assert.deepEqual(mapped.map((s) => s.label), defaults.map((s) => s.label));
      assert.deepEqual(mapped.map((s) => s.name), defaults.map((s) => s.name));
      for (const s of mapped.filter((m) => !m.label.startsWith('Ubuntu'))) {
        assert.deepEqual(s.owners, ['amazon']);
      }
    }
  });

  it('never name a commercial account id outside the commercial partition', () => {
    for (const region of ['us-gov-west-1', 'cn-north-1', 'us-iso-east-1', 'eusc-de-east-1']) {
      for (const s of searches(region)) {
        assert.ok(!s.owners.includes('099720109477'), `${region}: ${s.label}`);
        assert.ok(s.owners.length > 0, `${region}: ${s.label} has no owners`);
      }
    }
  });

  it('leave out a search whose owner has no account in the partition, rather than show it empty', () => {
    const mapped = searches('us-iso-east-1');
    assert.equal(ubuntu(mapped), undefined);
    assert.equal(mapped.length, defaults.length - 1);
  });

  it('pass values that are not searches through, for the setting check to report', () => {
    assert.deepEqual(defaultSearchesFor([42, null, { label: 'x' }], 'cn-north-1'), [42, null, { label: 'x' }]);
  });
});

describe('catalogSearchesFor', () => {
  const mine = [{ label: 'Ubuntu, my way', owners: ['099720109477'], name: 'ubuntu/*' }];
  const nothingSet = { globalValue: undefined, workspaceValue: undefined, workspaceFolderValue: undefined };

  it('uses the default for the partition when nothing is set', () => {
    assert.deepEqual(ubuntu(catalogSearchesFor('us-gov-west-1', defaults, nothingSet, true) as Search[])?.owners, ['513442679011']);
    assert.deepEqual(catalogSearchesFor('us-east-1', defaults, undefined, true), defaults);
  });

  it('uses a value the user set as is, in every partition', () => {
    assert.deepEqual(catalogSearchesFor('us-gov-west-1', mine, { globalValue: mine }, true), mine);
    assert.deepEqual(catalogSearchesFor('cn-north-1', mine, { workspaceValue: mine }, true), mine);
    assert.deepEqual(catalogSearchesFor('cn-north-1', mine, { workspaceFolderValue: mine }, true), mine);
    assert.deepEqual(catalogSearchesFor('cn-north-1', [], { globalValue: [] }, true), []);
  });

  it("ignores an untrusted workspace's value, as Restricted Mode does", () => {
    assert.deepEqual(ubuntu(catalogSearchesFor('cn-north-1', defaults, { workspaceValue: mine }, false) as Search[])?.owners, ['837727238323']);
    assert.deepEqual(catalogSearchesFor('cn-north-1', mine, { globalValue: mine, workspaceValue: [] }, false), mine);
  });

  it('passes the value through when no region is given (reading the setting only to report problems)', () => {
    assert.deepEqual(catalogSearchesFor(undefined, defaults, nothingSet, true), defaults);
  });
});
