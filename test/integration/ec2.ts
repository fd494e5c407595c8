// The tests' own view of EC2, straight from the API, to compare with what the extension shows.
import { DescribeImagesCommand, EC2Client, type Image } from '@aws-sdk/client-ec2';

const clients = new Map<string, EC2Client>();
export function ec2(region: string): EC2Client {
  let c = clients.get(region);
  if (!c) {
    c = new EC2Client({ region, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
    clients.set(region, c);
  }
  return c;
}

export async function ownedImages(region: string): Promise<Image[]> {
  const out = await ec2(region).send(new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true }));
  return out.Images ?? [];
}

export function tag(image: Image, key: string): string | undefined {
  return image.Tags?.find((t) => t.Key === key)?.Value;
}
