import * as assert from 'node:assert/strict';
import { findAmiIds, looksBinary, matchAt } from '../../src/code/amiIdScanner';

const ids = (text: string) => findAmiIds(text).map((m) => m.id);

describe('findAmiIds', () => {
  it('finds 8- and 17-digit ids with their offsets', () => {
    const text = 'a = "ami-12345678"\nb = ami-0123456789abcdef0';
    assert.deepEqual(findAmiIds(text), [
      { id: 'ami-12345678', offset: 5 },
      { id: 'ami-0123456789abcdef0', offset: 23 },
    ]);
  });

  it('ignores other lengths, non-hex digits and other prefixes', () => {
    assert.deepEqual(ids('ami-1234567 ami-123456789 ami-0123456789abcdef ami-0123456789abcdef01 ami-1234567g ami_12345678 aki-12345678 ami-'), []);
  });

  it('finds ids written in upper case, as the lower-case id, and says so', () => {
    assert.deepEqual(findAmiIds('ami-ABCDEF12 AMI-0123456789ABCDEF0 ami-abcdef12'), [
      { id: 'ami-abcdef12', offset: 0, wrongCase: true },
      { id: 'ami-0123456789abcdef0', offset: 13, wrongCase: true },
      { id: 'ami-abcdef12', offset: 35 },
    ]);
  });

  it('needs a whole token: not inside a longer word or id', () => {
    assert.deepEqual(ids('my-ami-12345678 xami-12345678 ami-12345678-copy ami-12345678_x ami-12345678abc'), []);
  });

  it('finds ids at line starts and ends, in quotes, lists, maps, ARNs and comments', () => {
    const text = [
      'ami-11111111',
      'ImageId: ami-22222222',
      '  ["ami-33333333", \'ami-44444444\']',
      'us-east-1: { AMI: ami-55555555 }',
      'arn:aws:ec2:us-east-1::image/ami-66666666',
      '# old: ami-77777777',
      'AllocEC2Instance(ami_id="ami-88888888")',
      '--image-id ami-99999999',
    ].join('\r\n');
    assert.deepEqual(ids(text), ['ami-11111111', 'ami-22222222', 'ami-33333333', 'ami-44444444', 'ami-55555555', 'ami-66666666', 'ami-77777777', 'ami-88888888', 'ami-99999999']);
  });

  it('handles a huge single line', () => {
    const line = `${'x '.repeat(1_000_000)}ami-0123456789abcdef0 ${'y'.repeat(1_000_000)}`;
    assert.deepEqual(findAmiIds(line), [{ id: 'ami-0123456789abcdef0', offset: 2_000_000 }]);
  });

  it('finds the id under a position, including its edges', () => {
    const matches = findAmiIds('x ami-11111111 y ami-22222222');
    assert.equal(matchAt(matches, 0), undefined);
    assert.equal(matchAt(matches, 2)?.id, 'ami-11111111');
    assert.equal(matchAt(matches, 14)?.id, 'ami-11111111');
    assert.equal(matchAt(matches, 15), undefined);
    assert.equal(matchAt(matches, 29)?.id, 'ami-22222222');
    assert.equal(matchAt([], 3), undefined);
  });

  it('recognises binary content', () => {
    assert.equal(looksBinary('PK\u0003\u0004\u0000\u0000ami-12345678'), true);
    assert.equal(looksBinary('ami-12345678\n'), false);
  });
});
