// When owned images last launched an instance: one DescribeImageAttribute per image, read when someone looks (a
// tooltip, a hover, the details page), never for a whole list, and kept for a while. Pure.
import type { ImageInfo } from '../aws/model';
import type { LastLaunched } from './imageLabels';

type Read = (region: string, imageId: string) => Promise<string | undefined>;

export class LastLaunchedReader {
  private readonly answers = new Map<string, { readonly at: number; readonly answer: Promise<LastLaunched> }>();

  constructor(private readonly read: Read, private readonly ttlMs = 10 * 60_000, private readonly clock: () => number = Date.now) {}

  /** The image's last launch: from DescribeImages when EC2 reported it there, else asked (owners only may ask). */
  of(image: Pick<ImageInfo, 'id' | 'region' | 'lastLaunchedTime'>): Promise<LastLaunched> {
    if (image.lastLaunchedTime) {
      return Promise.resolve({ kind: 'known', at: image.lastLaunchedTime });
    }
    const key = `${image.region}/${image.id}`;
    const cached = this.answers.get(key);
    if (cached && this.clock() - cached.at < this.ttlMs) {
      return cached.answer;
    }
    const answer = this.read(image.region, image.id).then(
      (at): LastLaunched => ({ kind: 'known', at }),
      (error: unknown): LastLaunched => {
        // A failure is said, not kept: the next look asks again.
        this.answers.delete(key);
        return { kind: 'unknown', reason: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
      },
    );
    this.answers.set(key, { at: this.clock(), answer });
    return answer;
  }

  /** The answer if it comes within `ms`; else `pending`, while the read goes on for the next look. */
  async within(image: Pick<ImageInfo, 'id' | 'region' | 'lastLaunchedTime'>, ms: number, pending: string): Promise<LastLaunched> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<LastLaunched>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'unknown', reason: pending }), ms);
    });
    try {
      return await Promise.race([this.of(image), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forget one image's answer (its details page reads it again). */
  forget(image: { readonly imageId: string; readonly region: string }): void {
    this.answers.delete(`${image.region}/${image.imageId}`);
  }

  /** Forget every answer (the Refresh command). */
  clear(): void {
    this.answers.clear();
  }
}
