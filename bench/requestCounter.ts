// Counts the HTTP requests an SDK client really sends (retries and extra pages included), per command.
import type { EC2Client } from '@aws-sdk/client-ec2';

export class RequestCounter {
  private readonly counts = new Map<string, number>();

  /** The deserialize step runs once per attempt, inside the retry loop, so every request on the wire counts. */
  attach(client: EC2Client): void {
    client.middlewareStack.add(
      (next, context) => (args) => {
        const command = context.commandName ?? 'unknown';
        this.counts.set(command, (this.counts.get(command) ?? 0) + 1);
        return next(args);
      },
      { step: 'deserialize', name: 'benchRequestCounter' },
    );
  }

  get(command: string): number {
    return this.counts.get(command) ?? 0;
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  reset(): void {
    this.counts.clear();
  }
}
