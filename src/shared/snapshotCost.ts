// What an image's snapshots hold and an estimate of what storing them costs a month. Pure.
import type { ImageInfo } from '../aws/model';

export interface SnapshotSize {
  readonly snapshotId: string;
  readonly deviceName: string;
  /** The size of the volume the snapshot restores; undefined when EC2 did not say. */
  readonly sizeGiB?: number;
}

export interface SnapshotStorage {
  readonly snapshots: readonly SnapshotSize[];
  readonly totalGiB: number;
  /** totalGiB × the price per GB-month. */
  readonly monthlyCost: number;
}

/**
 * Each EBS snapshot of the image once, with its size, and the estimate. The estimate counts each snapshot at the
 * full size of its volume: EBS bills what the snapshot stores, often less, so it is an upper bound.
 */
export function snapshotStorage(image: Pick<ImageInfo, 'blockDevices'>, pricePerGBMonth: number): SnapshotStorage {
  const seen = new Set<string>();
  const snapshots: SnapshotSize[] = [];
  for (const device of image.blockDevices) {
    if (device.snapshotId && !seen.has(device.snapshotId)) {
      seen.add(device.snapshotId);
      snapshots.push({ snapshotId: device.snapshotId, deviceName: device.deviceName, sizeGiB: device.volumeSizeGiB });
    }
  }
  const totalGiB = snapshots.reduce((sum, s) => sum + (s.sizeGiB ?? 0), 0);
  return { snapshots, totalGiB, monthlyCost: totalGiB * pricePerGBMonth };
}

/** "$0.40": dollars with cents, more digits only when the amount is below a cent. */
export function dollars(amount: number): string {
  return amount > 0 && amount < 0.01 ? `$${amount.toPrecision(2)}` : `$${amount.toFixed(2)}`;
}

/** "$0.05", "$0.0125": a unit price with the digits it was given (at least cents, at most four decimals). */
export function unitPrice(price: number): string {
  const digits = Math.min(4, Math.max(2, (String(Number(price.toFixed(4))).split('.')[1] ?? '').length));
  return `$${price.toFixed(digits)}`;
}
