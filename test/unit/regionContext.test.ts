import * as assert from 'node:assert/strict';
import { linesOf, regionContextAt } from '../../src/code/regionContext';
import { at } from '../must';

/** The region context of the first "ami-" in `text`. */
function contextOf(text: string): string | undefined {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('ami-'));
  return regionContextAt(linesOf(text), line, at(lines, line, 'a line with ami-').indexOf('ami-'));
}

describe('regionContextAt', () => {
  it('reads a region on the same line, before the id (Terraform and Python maps, ARNs)', () => {
    assert.equal(contextOf('  "eu-west-1" = "ami-11111111"'), 'eu-west-1');
    assert.equal(contextOf('AMIS = {"ap-southeast-2": "ami-11111111"}'), 'ap-southeast-2');
    assert.equal(contextOf('arn:aws:ec2:us-east-1::image/ami-11111111'), 'us-east-1');
  });

  it('reads a region after the id on the same line (a shell command)', () => {
    assert.equal(contextOf('aws ec2 run-instances --image-id ami-11111111 --region eu-west-1'), 'eu-west-1');
  });

  it('reads the enclosing key of a YAML or JSON region map', () => {
    const yaml = ['Mappings:', '  RegionMap:', '    us-east-1:', '      Arch: x86_64', '      AMI: ami-11111111', '    eu-west-1:', '      AMI: ami-22222222'].join('\n');
    assert.equal(contextOf(yaml), 'us-east-1');
    assert.equal(regionContextAt(linesOf(yaml), 6, 11), 'eu-west-1');
    const json = ['{', '  "RegionMap": {', '    "ap-southeast-2": {', '      "AMI": "ami-11111111"', '    }', '  }', '}'].join('\n');
    assert.equal(contextOf(json), 'ap-southeast-2');
  });

  it('reads a region setting among the lines of the same block (Packer, boto3 keyword arguments)', () => {
    const packer = ['source "amazon-ebs" "app" {', '  region        = "eu-west-1"', '  instance_type = "t3.micro"', '  source_ami    = "ami-11111111"', '}'].join('\n');
    assert.equal(contextOf(packer), 'eu-west-1');
    const later = ['nodeGroups:', '  - name: ng', '    ami: ami-11111111', '    region: ap-southeast-2'].join('\n');
    assert.equal(contextOf(later), 'ap-southeast-2');
  });

  it('does not take a region from another block or a non-region key', () => {
    const text = ['a:', '  region: eu-west-1', 'b:', '  image: ami-11111111'].join('\n');
    assert.equal(contextOf(text), undefined);
    assert.equal(contextOf('ImageId: ami-11111111'), undefined);
    assert.equal(contextOf(['prod:', '  ImageId: ami-11111111'].join('\n')), undefined);
  });

  it('ignores words that only look like regions', () => {
    assert.equal(contextOf('name = "us-east-one" ami = "ami-11111111"'), undefined);
  });
});
