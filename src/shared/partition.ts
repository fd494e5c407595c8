// Which AWS partition a region belongs to. Accounts, owner ids and endpoints never cross partitions. Pure.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | 'aws-iso' | 'aws-eusc';

export function partitionOf(region: string): Partition {
  if (region.startsWith('us-gov-')) {
    return 'aws-us-gov';
  }
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  // us-iso-east-1, us-isob-east-1, eu-isoe-west-1, us-isof-south-1: the isolated partitions.
  if (/^[a-z]{2}-iso[a-z]?-/.test(region)) {
    return 'aws-iso';
  }
  if (region.startsWith('eusc-')) {
    return 'aws-eusc';
  }
  return 'aws';
}
