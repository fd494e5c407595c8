// Finds the SSM parameters that name an AMI in any text: CloudFormation `{{resolve:ssm:…}}` and image-typed
// parameter defaults, `resolve:ssm:…` image ids, Terraform `aws_ssm_parameter`, CDK `fromSsmParameter`, boto3
// `get_parameter`, and the public paths Karpenter aliases and eksctl `auto-ssm` stand for. Pure and linear.
import { eksctlAutoSsmParameter, karpenterAliasParameter } from './eksImageAliases';

export type SsmShape = 'resolve' | 'imageParameter' | 'cdk' | 'terraform' | 'boto3' | 'path' | 'karpenter' | 'eksctl';

export interface SsmReference {
  /** The parameter's name, without version or label. */
  readonly path: string;
  /** `:3` or `:label` after a `resolve:ssm:` path. */
  readonly selector?: string;
  /** The marked text: the path, or the alias / `auto-ssm` it stands for. */
  readonly offset: number;
  readonly length: number;
  readonly shape: SsmShape;
  /**
   * The code uses the value as an image id (an ImageId, an image-typed parameter, CDK, Karpenter, eksctl): a
   * parameter that holds no image is a problem. Elsewhere such a parameter is simply not an AMI reference.
   */
  readonly expectsImage: boolean;
  /** What the path takes for granted (Karpenter and eksctl: the Kubernetes version, the architecture). */
  readonly assumed?: string;
}

/** Public parameters AWS publishes: readable by every account. */
export const publicPrefix = '/aws/service/';
const name = String.raw`/[\w.\-/]+[\w]`;
const resolveSsm = new RegExp(String.raw`resolve:ssm:(${name})(?::([\w.-]+))?`, 'g');
const publicPath = /(?<![\w./:-])\/aws\/service\/[\w.\-/]*\w/g;
/** A quoted private path in an image context: CDK, or a CloudFormation image-typed parameter's Default. */
const quotedPath = /(["'])(\/[\w.\-/]*\w)\1/g;
const karpenterAlias = /\balias:\s*["']?((?:al2023|al2|bottlerocket|windows2019|windows2022)@(?:latest|v[\w.-]+))/g;
const eksctlAuto = /\bami:\s*["']?(auto-ssm)\b/g;
const imageIdKey = /image_?id|\bami\b|ami_?id|machine_?image|fromSsmParameter/i;
const imageParameterType = /AWS::SSM::Parameter::Value<\s*AWS::EC2::Image::Id\s*>/;

function lineAround(text: string, offset: number): { start: number; end: number; line: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) {end = text.length;}
  return { start, end, line: text.slice(start, end) };
}

/** The few lines around `offset`: a CloudFormation parameter's Type sits next to its Default. */
function nearby(text: string, offset: number, lines: number): string {
  let start = offset;
  let end = offset;
  for (let i = 0; i < lines && start > 0; i++) {start = text.lastIndexOf('\n', start - 2) + 1;}
  for (let i = 0; i < lines && end >= 0 && end < text.length; i++) {end = text.indexOf('\n', end + 1);}
  return text.slice(start, end < 0 ? text.length : end);
}

function shapeOf(line: string, around: string): { shape: SsmShape; expectsImage: boolean } {
  if (/fromSsmParameter\s*\(/.test(line)) {return { shape: 'cdk', expectsImage: true };}
  if (/\bDefault["']?\s*[:=]/.test(line) && imageParameterType.test(around)) {return { shape: 'imageParameter', expectsImage: true };}
  if (/get_parameters?\s*\(|\bName\s*=/.test(line)) {return { shape: 'boto3', expectsImage: false };}
  if (/^\s*name\s*=/.test(line)) {return { shape: 'terraform', expectsImage: false };}
  return { shape: 'path', expectsImage: imageIdKey.test(line.split(/[:=]/)[0] ?? '') };
}

/** What a file says about the cluster: eksctl's `metadata.version`, an arm64-only Karpenter requirement. */
function clusterFacts(text: string): { kubernetesVersion?: string; arch?: 'x86_64' | 'arm64' } {
  const version = /^\s*(?:version|kubernetesVersion):\s*["']?(1\.\d{1,2})["']?\s*$/m.exec(text)?.[1];
  const arm = /kubernetes\.io\/arch[\s\S]{0,120}?values:\s*\[\s*["']?arm64["']?\s*\]/.test(text);
  return { ...(version ? { kubernetesVersion: version } : {}), ...(arm ? { arch: 'arm64' as const } : {}) };
}

export function findSsmReferences(text: string): SsmReference[] {
  const found: SsmReference[] = [];
  const taken = new Set<number>();
  const add = (ref: SsmReference) => {
    if (!taken.has(ref.offset)) {
      taken.add(ref.offset);
      found.push(ref);
    }
  };
  for (const m of text.matchAll(resolveSsm)) {
    const path = m[1]!;
    const offset = m.index + 'resolve:ssm:'.length;
    const { line, start } = lineAround(text, m.index);
    const key = line.slice(0, m.index - start);
    const expectsImage = imageIdKey.test(key) || imageParameterType.test(key);
    add({ path, ...(m[2] ? { selector: m[2] } : {}), offset, length: path.length, shape: 'resolve', expectsImage });
  }
  for (const m of text.matchAll(publicPath)) {
    const { line } = lineAround(text, m.index);
    add({ path: m[0], offset: m.index, length: m[0].length, ...shapeOf(line, nearby(text, m.index, 4)) });
  }
  for (const m of text.matchAll(quotedPath)) {
    const offset = m.index + 1;
    if (taken.has(offset) || m[2]!.startsWith(publicPrefix)) {continue;}
    const { line } = lineAround(text, m.index);
    const shape = shapeOf(line, nearby(text, m.index, 4));
    if (shape.shape === 'cdk' || shape.shape === 'imageParameter') {
      add({ path: m[2]!, offset, length: m[2]!.length, ...shape });
    }
  }
  // CloudFormation YAML writes an image-typed parameter's default bare.
  for (const m of text.matchAll(/\bDefault:\s*(\/[\w.\-/]*\w)\s*$/gm)) {
    const offset = m.index + m[0].indexOf(m[1]!);
    if (!taken.has(offset) && imageParameterType.test(nearby(text, m.index, 4))) {
      add({ path: m[1]!, offset, length: m[1]!.length, shape: 'imageParameter', expectsImage: true });
    }
  }
  const hasAlias = /\balias:|\bami:\s*["']?auto-ssm/.test(text);
  const facts = hasAlias ? clusterFacts(text) : {};
  if (hasAlias) {
    for (const m of text.matchAll(karpenterAlias)) {
      const parameter = karpenterAliasParameter(m[1]!, facts);
      if (parameter) {
        add({ path: parameter.path, offset: m.index + m[0].indexOf(m[1]!), length: m[1]!.length, shape: 'karpenter', expectsImage: true, ...(parameter.assumed ? { assumed: parameter.assumed } : {}) });
      }
    }
    for (const m of text.matchAll(eksctlAuto)) {
      const family = /^\s*amiFamily:\s*["']?(\w+)/m.exec(nearby(text, m.index, 12))?.[1];
      const parameter = eksctlAutoSsmParameter(family, facts);
      if (parameter) {
        add({ path: parameter.path, offset: m.index + m[0].indexOf(m[1]!), length: m[1]!.length, shape: 'eksctl', expectsImage: true, ...(parameter.assumed ? { assumed: parameter.assumed } : {}) });
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The reference covering `offset`, if any. */
export function ssmReferenceAt(refs: readonly SsmReference[], offset: number): SsmReference | undefined {
  return refs.find((r) => offset >= r.offset && offset <= r.offset + r.length);
}
