import * as assert from 'node:assert/strict';
import { defaultKubernetesVersion, eksctlAutoSsmParameter, karpenterAliasParameter } from '../../src/code/eksImageAliases';
import { findSsmReferences, ssmReferenceAt } from '../../src/code/ssmParameterScanner';

const al2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const brief = (text: string) => findSsmReferences(text).map((r) => ({ path: r.path, shape: r.shape, expectsImage: r.expectsImage, text: text.slice(r.offset, r.offset + r.length), ...(r.selector ? { selector: r.selector } : {}) }));

describe('findSsmReferences', () => {
  it('finds a CloudFormation dynamic reference, with its version, as an image id', () => {
    const text = `      ImageId: '{{resolve:ssm:${al2023}:3}}'`;
    assert.deepEqual(brief(text), [{ path: al2023, shape: 'resolve', expectsImage: true, text: al2023, selector: '3' }]);
  });

  it('finds resolve:ssm used as an image id in launch calls and Terraform', () => {
    assert.deepEqual(brief(`ec2.run_instances(ImageId="resolve:ssm:${al2023}", MinCount=1)`).map((r) => [r.shape, r.expectsImage]), [['resolve', true]]);
    assert.deepEqual(brief(`  ami = "resolve:ssm:/golden/web"`), [{ path: '/golden/web', shape: 'resolve', expectsImage: true, text: '/golden/web' }]);
  });

  it('does not take a resolve:ssm reference outside an image id for one', () => {
    assert.deepEqual(brief(`  Password: '{{resolve:ssm:/app/db-password}}'`).map((r) => r.expectsImage), [false]);
  });

  it('finds an image-typed CloudFormation parameter default, bare or quoted, public or private', () => {
    const yaml = `Parameters:\n  LatestAmi:\n    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>\n    Default: ${al2023}\n  Golden:\n    Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'\n    Default: /golden/web\n`;
    assert.deepEqual(brief(yaml).map((r) => [r.path, r.shape, r.expectsImage]), [[al2023, 'imageParameter', true], ['/golden/web', 'imageParameter', true]]);
    const json = `"LatestAmi": {\n  "Type": "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",\n  "Default": "/golden/web"\n}`;
    assert.deepEqual(brief(json).map((r) => [r.path, r.shape]), [['/golden/web', 'imageParameter']]);
  });

  it('finds Terraform, CDK and boto3 paths', () => {
    assert.deepEqual(brief(`data "aws_ssm_parameter" "al" {\n  name = "${al2023}"\n}`).map((r) => [r.shape, r.expectsImage]), [['terraform', false]]);
    assert.deepEqual(brief(`const image = ec2.MachineImage.fromSsmParameter('${al2023}');`).map((r) => [r.shape, r.expectsImage]), [['cdk', true]]);
    assert.deepEqual(brief(`MachineImage.fromSsmParameter("/golden/web", { os: OperatingSystemType.LINUX })`).map((r) => [r.path, r.shape]), [['/golden/web', 'cdk']]);
    assert.deepEqual(brief(`ssm.get_parameter(Name='${al2023}')['Parameter']['Value']`).map((r) => [r.shape, r.expectsImage]), [['boto3', false]]);
  });

  it('ignores private paths outside image contexts, and paths inside longer tokens', () => {
    assert.deepEqual(brief(`ssm.get_parameter(Name='/app/db-password')`), []);
    assert.deepEqual(brief(`see https://example.com/aws/service/x and arn:aws:ssm:us-east-1::parameter/aws/service/y`), []);
  });

  it('maps a Karpenter alias and eksctl auto-ssm to their public paths, naming what it assumes', () => {
    const nodeClass = 'kind: EC2NodeClass\nspec:\n  amiSelectorTerms:\n    - alias: al2023@latest\n';
    const [ref] = findSsmReferences(nodeClass);
    assert.equal(ref?.path, `/aws/service/eks/optimized-ami/${defaultKubernetesVersion}/amazon-linux-2023/x86_64/standard/recommended/image_id`);
    assert.equal(nodeClass.slice(ref.offset, ref.offset + ref.length), 'al2023@latest');
    assert.equal(ref.assumed, `Kubernetes ${defaultKubernetesVersion}, x86_64`);
    const eksctl = 'metadata:\n  name: demo\n  version: "1.30"\nmanagedNodeGroups:\n  - name: ng\n    amiFamily: AmazonLinux2\n    ami: auto-ssm\n';
    const [auto] = findSsmReferences(eksctl);
    assert.equal(auto?.path, '/aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id');
    assert.equal(auto.assumed, 'x86_64');
    assert.equal(eksctl.slice(auto.offset, auto.offset + auto.length), 'auto-ssm');
  });

  it('finds the reference under a position', () => {
    const text = `x: '{{resolve:ssm:${al2023}}}'`;
    const refs = findSsmReferences(text);
    assert.equal(ssmReferenceAt(refs, text.indexOf('al2023'))?.path, al2023);
    assert.equal(ssmReferenceAt(refs, 0), undefined);
  });
});

describe('Karpenter and eksctl image parameters', () => {
  const given = { kubernetesVersion: '1.30', arch: 'arm64' as const };
  it('follows Karpenter\'s documented paths per family and version', () => {
    assert.deepEqual(karpenterAliasParameter('al2023@v20240807', given), { path: '/aws/service/eks/optimized-ami/1.30/amazon-linux-2023/arm64/standard/amazon-eks-node-al2023-arm64-standard-1.30-v20240807/image_id', assumed: undefined });
    assert.equal(karpenterAliasParameter('al2@latest', given)?.path, '/aws/service/eks/optimized-ami/1.30/amazon-linux-2-arm64/recommended/image_id');
    assert.equal(karpenterAliasParameter('al2@v20240807', { kubernetesVersion: '1.30' })?.path, '/aws/service/eks/optimized-ami/1.30/amazon-linux-2/amazon-eks-node-1.30-v20240807/image_id');
    assert.equal(karpenterAliasParameter('bottlerocket@v1.20.3', given)?.path, '/aws/service/bottlerocket/aws-k8s-1.30/arm64/1.20.3/image_id');
    assert.equal(karpenterAliasParameter('bottlerocket@latest', given)?.path, '/aws/service/bottlerocket/aws-k8s-1.30/arm64/latest/image_id');
    assert.deepEqual(karpenterAliasParameter('windows2022@latest', { kubernetesVersion: '1.30' }), { path: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.30/image_id', assumed: undefined });
    assert.equal(karpenterAliasParameter('windows2022@v20240807'), undefined);
    assert.equal(karpenterAliasParameter('ubuntu@latest'), undefined);
  });

  it('follows eksctl\'s auto-ssm per AMI family, AmazonLinux2023 by default', () => {
    assert.equal(eksctlAutoSsmParameter(undefined, given)?.path, '/aws/service/eks/optimized-ami/1.30/amazon-linux-2023/arm64/standard/recommended/image_id');
    assert.equal(eksctlAutoSsmParameter('Bottlerocket', given)?.path, '/aws/service/bottlerocket/aws-k8s-1.30/arm64/latest/image_id');
    assert.equal(eksctlAutoSsmParameter('WindowsServer2019CoreContainer')?.path, `/aws/service/ami-windows-latest/Windows_Server-2019-English-Core-EKS_Optimized-${defaultKubernetesVersion}/image_id`);
    assert.equal(eksctlAutoSsmParameter('Ubuntu2204'), undefined);
  });
});
