// The SSM public parameters behind Karpenter's `amiSelectorTerms` aliases and eksctl's `ami: auto-ssm`, as their
// documentation lists them. Both tools read the cluster's Kubernetes version (and the node's architecture) at run
// time: when the file does not say, the path assumes `defaultKubernetesVersion` on x86_64, and says so. Pure.

/** The assumption when a file names no Kubernetes version: a recent EKS standard-support release. */
export const defaultKubernetesVersion = '1.31';

export interface EksImageParameter {
  readonly path: string;
  /** What the path takes for granted that the file does not say, e.g. "Kubernetes 1.31, x86_64". */
  readonly assumed?: string;
}

type Arch = 'x86_64' | 'arm64';

interface Given {
  readonly kubernetesVersion?: string;
  readonly arch?: Arch;
}

function assumptions(given: Given): string | undefined {
  const parts = [given.kubernetesVersion ? '' : `Kubernetes ${defaultKubernetesVersion}`, given.arch ? '' : 'x86_64'].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/**
 * Karpenter's `alias: family@version` (al2, al2023, bottlerocket, windows2019, windows2022; version `latest` or a
 * release such as `v20240807`). Undefined for a family Karpenter does not know, or a pinned Windows release (Karpenter
 * only takes `latest` there).
 */
export function karpenterAliasParameter(alias: string, given: Given = {}): EksImageParameter | undefined {
  const m = /^(al2023|al2|bottlerocket|windows2019|windows2022)@(latest|v[\w.-]+)$/.exec(alias.trim());
  if (!m) {
    return undefined;
  }
  const [, family, version] = m as unknown as [string, string, string];
  const k8s = given.kubernetesVersion ?? defaultKubernetesVersion;
  const arch: Arch = given.arch ?? 'x86_64';
  const latest = version === 'latest';
  let path: string;
  switch (family) {
    case 'al2023':
      path = latest
        ? `/aws/service/eks/optimized-ami/${k8s}/amazon-linux-2023/${arch}/standard/recommended/image_id`
        : `/aws/service/eks/optimized-ami/${k8s}/amazon-linux-2023/${arch}/standard/amazon-eks-node-al2023-${arch}-standard-${k8s}-${version}/image_id`;
      break;
    case 'al2': {
      const suffix = arch === 'arm64' ? '-arm64' : '';
      path = latest
        ? `/aws/service/eks/optimized-ami/${k8s}/amazon-linux-2${suffix}/recommended/image_id`
        : `/aws/service/eks/optimized-ami/${k8s}/amazon-linux-2${suffix}/amazon-eks${suffix}-node-${k8s}-${version}/image_id`;
      break;
    }
    case 'bottlerocket':
      path = `/aws/service/bottlerocket/aws-k8s-${k8s}/${arch}/${latest ? 'latest' : version.replace(/^v/, '')}/image_id`;
      break;
    default: {
      if (!latest) {
        return undefined;
      }
      const year = family === 'windows2019' ? '2019' : '2022';
      // Windows nodes are x86_64 only.
      return { path: `/aws/service/ami-windows-latest/Windows_Server-${year}-English-Core-EKS_Optimized-${k8s}/image_id`, assumed: assumptions({ ...given, arch: 'x86_64' }) };
    }
  }
  return { path, assumed: assumptions(given) };
}

/**
 * eksctl's `ami: auto-ssm` for a node group's `amiFamily` (AmazonLinux2023 when unset, as eksctl defaults to).
 * Undefined for families eksctl resolves otherwise (Ubuntu's come from Canonical's own parameters).
 */
export function eksctlAutoSsmParameter(amiFamily: string | undefined, given: Given = {}): EksImageParameter | undefined {
  const k8s = given.kubernetesVersion ?? defaultKubernetesVersion;
  const arch: Arch = given.arch ?? 'x86_64';
  const assumed = assumptions(given);
  switch ((amiFamily ?? 'AmazonLinux2023').toLowerCase()) {
    case 'amazonlinux2023':
      return { path: `/aws/service/eks/optimized-ami/${k8s}/amazon-linux-2023/${arch}/standard/recommended/image_id`, assumed };
    case 'amazonlinux2':
      return { path: `/aws/service/eks/optimized-ami/${k8s}/amazon-linux-2${arch === 'arm64' ? '-arm64' : ''}/recommended/image_id`, assumed };
    case 'bottlerocket':
      return { path: `/aws/service/bottlerocket/aws-k8s-${k8s}/${arch}/latest/image_id`, assumed };
    case 'windowsserver2019corecontainer':
      return { path: `/aws/service/ami-windows-latest/Windows_Server-2019-English-Core-EKS_Optimized-${k8s}/image_id`, assumed: assumptions({ ...given, arch: 'x86_64' }) };
    case 'windowsserver2022corecontainer':
      return { path: `/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-${k8s}/image_id`, assumed: assumptions({ ...given, arch: 'x86_64' }) };
    default:
      return undefined;
  }
}
