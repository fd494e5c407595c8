import { AwsError } from './errors';

/**
 * Adds the resource an action was denied on ("… to call ec2:RunInstances in us-west-1 for image ami-…") to an
 * access-denied failure, so a person can ask for exactly that permission. Other failures pass through.
 */
export function namingResource(error: unknown, resource: string): unknown {
  if (error instanceof AwsError && error.kind === 'accessDenied') {
    return new AwsError(`${error.summary.replace(/\.$/, '')} for ${resource}.`, error.kind, error.fix, error.code);
  }
  return error;
}
