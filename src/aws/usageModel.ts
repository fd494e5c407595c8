// Who uses an image, as EC2 reports it: the caller's own resources that name it (DescribeImageReferences) and the
// AMI usage reports, which count what other accounts run from an image the caller owns. Plain data, no SDK.

/** A resource of the caller's account that names an image: an instance, a launch template, an SSM parameter… */
export interface ImageReference {
  readonly imageId: string;
  /** "ec2:Instance" | "ec2:LaunchTemplate" | "ssm:Parameter" | "imagebuilder:ImageRecipe" | "imagebuilder:ContainerRecipe" */
  readonly resourceType: string;
  readonly arn: string;
}

/** An AMI usage report, pending until EC2 has counted. */
export interface UsageReport {
  readonly reportId: string;
  readonly imageId: string;
  /** "pending" | "available" | "error" */
  readonly state: string;
  readonly stateReason?: string;
  /** ISO 8601. */
  readonly creationTime?: string;
  readonly expirationTime?: string;
}

/** One line of a report: how many resources of one type an account has that use the image. */
export interface UsageReportEntry {
  readonly accountId: string;
  readonly resourceType: string;
  readonly usageCount: number;
}

/** What an ARN names: its kind of resource ("instance", "launch-template", "parameter", "image-recipe"…) and id. */
export function resourceOf(arn: string): { readonly kind: string; readonly id: string } {
  // arn:partition:service:region:account:type/id — an SSM parameter's id is its path, "/golden/web".
  const resource = arn.split(':').slice(5).join(':');
  const slash = resource.indexOf('/');
  if (slash < 0) {
    return { kind: resource, id: resource };
  }
  const kind = resource.slice(0, slash);
  const rest = resource.slice(slash + 1);
  if (kind === 'parameter') {
    return { kind, id: rest.includes('/') ? `/${rest}` : rest };
  }
  // Image Builder recipes: image-recipe/name/1.0.0.
  return { kind, id: rest.replace('/', ' ') };
}
