// Input checks shared by every command's programmatic form and its wizard. Pure.

export const imageIdPattern = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** An EC2 resource id: "<prefix>-" then 8 or 17 lowercase hex digits. */
function checkResourceId(value: unknown, prefix: string, name: string, pattern: RegExp): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return `An ${name} is required, e.g. ${prefix}-0abcdef1234567890.`;
  }
  return pattern.test(value.trim()) ? undefined
    : `"${value}" is not an ${name}: expected "${prefix}-" followed by 8 or 17 lowercase hex digits.`;
}

/** Undefined when valid, else the sentence to show (InputBox validation and thrown errors alike). */
export function checkImageId(value: unknown): string | undefined {
  return checkResourceId(value, 'ami', 'AMI id', imageIdPattern);
}

export function checkRegion(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return 'A region is required, e.g. us-east-1.';
  }
  return regionPattern.test(value.trim()) ? undefined : `"${value}" is not an AWS region name (e.g. us-east-1, eu-west-1).`;
}

export const accountIdPattern = /^\d{12}$/;
export const instanceIdPattern = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** EC2's rule for image names: 3 to 128 of letters, digits and ( ) [ ] space . / - ' @ _ */
export const imageNamePattern = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
export const organizationArnPattern = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
export const organizationalUnitArnPattern = /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;

export function checkAccountId(value: unknown): string | undefined {
  return typeof value === 'string' && accountIdPattern.test(value.trim()) ? undefined
    : `"${String(value)}" is not an AWS account id: expected 12 digits, e.g. 123456789012.`;
}

export function checkInstanceId(value: unknown): string | undefined {
  return checkResourceId(value, 'i', 'instance id', instanceIdPattern);
}

export function checkImageName(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return 'An image name is required.';
  }
  return imageNamePattern.test(value) ? undefined
    : `"${value}" is not a valid image name: use 3 to 128 letters, digits, spaces and ( ) [ ] . / - ' @ _ only.`;
}

export function checkOrganizationArn(value: unknown): string | undefined {
  return typeof value === 'string' && organizationArnPattern.test(value.trim()) ? undefined
    : `"${String(value)}" is not an organization ARN, e.g. arn:aws:organizations::123456789012:organization/o-abcde12345.`;
}

export function checkOrganizationalUnitArn(value: unknown): string | undefined {
  return typeof value === 'string' && organizationalUnitArnPattern.test(value.trim()) ? undefined
    : `"${String(value)}" is not an organizational unit ARN, e.g. arn:aws:organizations::123456789012:ou/o-abcde12345/ou-ab12-cdef3456.`;
}

export function checkTagKey(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.length || value.length > 128) {
    return `"${String(value)}" is not a tag key: use 1 to 128 characters.`;
  }
  return value.toLowerCase().startsWith('aws:') ? `"${value}": tag keys starting with "aws:" are reserved for AWS.` : undefined;
}

export function checkTagValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 256 ? undefined : `"${String(value)}" is not a tag value: use up to 256 characters.`;
}

/** A list of regions, each valid, at least one. */
export function checkRegions(value: unknown): string | undefined {
  if (!Array.isArray(value) || !value.length) {
    return 'At least one target region is required, e.g. ["eu-west-1"].';
  }
  for (const region of value) {
    const problem = checkRegion(region);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

/** Throws the check's message as an Error: how a programmatic call learns its input was bad. */
export function ensureValid<T>(value: T, check: (v: unknown) => string | undefined): T {
  const problem = check(value);
  if (problem) {
    throw new Error(problem);
  }
  return value;
}

/** The characters AWS CLI profile names are made of in practice: letters, digits and _ . @ + - */
export const profileNamePattern = /^[\w.@+-]{1,128}$/;

export function checkProfileName(value: unknown): string | undefined {
  return typeof value === 'string' && profileNamePattern.test(value) ? undefined
    : `"${String(value)}" is not an AWS profile name: use 1 to 128 letters, digits and _ . @ + - only.`;
}

/** A tag key to group images by: EC2's characters (letters, digits, spaces, _ . : / = + - @), never "aws:". */
export const groupingTagKeyPattern = /^(?!aws:)[\p{L}\p{Zs}\p{N}_.:/=+\-@]{1,128}$/u;

export function checkGroupingTagKey(value: unknown): string | undefined {
  return typeof value === 'string' && groupingTagKeyPattern.test(value) ? undefined
    : `"${String(value)}" is not a valid tag key (1–128 letters, digits, spaces and _ . : / = + - @, not starting with "aws:").`;
}

/** The owner aliases DescribeImages accepts besides account ids. */
export const imageOwnerAliases: readonly string[] = ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault'];

export function checkImageOwner(value: unknown): string | undefined {
  return typeof value === 'string' && (accountIdPattern.test(value) || imageOwnerAliases.includes(value)) ? undefined
    : `"${String(value)}" is not an image owner: use a 12-digit account id or ${imageOwnerAliases.join(', ')}.`;
}
