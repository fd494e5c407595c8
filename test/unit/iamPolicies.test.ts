import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/iam/*.json are the README's "IAM permissions" table as policies: one per row, each a well-formed IAM
// policy document that allows exactly the actions of its row.

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Statement {
  Sid?: unknown;
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
  Principal?: unknown;
}

/** The rows of the README's IAM table: the policy each links, and the actions it names. */
function tableRows(): { file: string; actions: string[] }[] {
  const section = readme.slice(readme.indexOf('## IAM permissions'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| Feature |')));
  return table.split('\n').filter((line) => /^\| \[/.test(line)).map((line) => {
    const [, feature, actions] = line.split('|');
    assert.ok(feature !== undefined && actions !== undefined, `the row "${line}" has a feature and its actions`);
    const link = /\]\((docs\/iam\/[\w-]+\.json)\)/.exec(feature);
    assert.ok(link, `the row "${feature.trim()}" links its policy`);
    return { file: link[1]!, actions: [...actions.matchAll(/`([a-z0-9]+:[A-Za-z*]+)`/g)].map((m) => m[1]!).sort() };
  });
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function checkPolicy(file: string, policy: { Version?: unknown; Statement?: unknown }): string[] {
  assert.equal(policy.Version, '2012-10-17', `${file}: Version`);
  assert.ok(Array.isArray(policy.Statement) && policy.Statement.length > 0, `${file}: a list of statements`);
  const sids = new Set<unknown>();
  const actions: string[] = [];
  for (const s of policy.Statement as Statement[]) {
    assert.ok(typeof s.Sid === 'string' && /^[A-Za-z0-9]+$/.test(s.Sid), `${file}: Sid ${String(s.Sid)} is alphanumeric`);
    assert.ok(!sids.has(s.Sid), `${file}: Sid ${s.Sid} is unique`);
    sids.add(s.Sid);
    assert.equal(s.Effect, 'Allow', `${file} ${s.Sid}: allows`);
    assert.equal(s.NotAction ?? s.NotResource ?? s.Principal, undefined, `${file} ${s.Sid}: no NotAction, NotResource or Principal in an identity policy`);
    for (const action of list(s.Action)) {
      assert.ok(typeof action === 'string' && /^(ec2|kms|sts|rbin|ssm|imagebuilder|iam):[A-Z][A-Za-z]*\*?$/.test(action), `${file} ${s.Sid}: action ${String(action)}`);
      actions.push(action);
    }
    for (const resource of list(s.Resource)) {
      assert.ok(resource === '*' || (typeof resource === 'string' && /^arn:aws:(ec2|kms|rbin):\*:(\*)?:[a-z-]+\/\*$/.test(resource)),
        `${file} ${s.Sid}: resource ${String(resource)}`);
    }
    if (s.Condition !== undefined) {
      const operators = Object.entries(s.Condition as Record<string, unknown>);
      for (const [operator, keys] of operators) {
        assert.ok(['StringEquals', 'StringLike', 'Bool'].includes(operator), `${file} ${s.Sid}: condition ${operator}`);
        for (const key of Object.keys(keys as object)) {
          assert.match(key, /^(ec2|kms|iam|aws):[A-Za-z]+$/, `${file} ${s.Sid}: condition key ${key}`);
        }
      }
    }
  }
  return [...new Set(actions)].sort();
}

describe('IAM policies per feature (docs/iam)', () => {
  const rows = tableRows();

  it('the README links one policy per feature, and every policy is linked', () => {
    assert.equal(rows.length, 14);
    const files = readdirSync(join(root, 'docs', 'iam')).filter((f) => f.endsWith('.json')).map((f) => `docs/iam/${f}`);
    assert.deepEqual(rows.map((r) => r.file).sort(), files.sort());
  });

  for (const row of rows) {
    it(`${row.file} is a policy document that allows exactly the actions the README lists`, () => {
      const policy = JSON.parse(readFileSync(join(root, row.file), 'utf8')) as { Version?: unknown; Statement?: unknown };
      assert.deepEqual(checkPolicy(row.file, policy), row.actions);
    });
  }
});
