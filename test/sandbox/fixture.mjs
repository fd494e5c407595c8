// One sandbox for the whole suite: started and seeded on first use, stopped after the last test.
import assert from 'node:assert/strict';
import { EC2Client } from '@aws-sdk/client-ec2';
import { startMoto } from '../../sandbox/moto.mjs';
import { seed } from '../../sandbox/seed.mjs';

/** @type {Promise<{ moto: Awaited<ReturnType<typeof startMoto>>, manifest: Awaited<ReturnType<typeof seed>> }> | undefined} */
let pending;

export function sandbox() {
  pending ??= (async () => {
    const moto = await startMoto();
    try {
      return { moto, manifest: await seed(moto.endpoint) };
    } catch (error) {
      await moto.stop();
      throw error;
    }
  })();
  return pending;
}

after(async () => {
  const started = await pending?.catch(() => undefined);
  await started?.moto.stop();
});

/** @type {EC2Client[]} */
const clients = [];
after(() => clients.forEach((c) => c.destroy()));

/**
 * An EC2 client on the sandbox, as our account or as `account`.
 * @param {string} endpoint
 * @param {string} [region]
 * @param {string} [account]
 */
export function ec2(endpoint, region = 'us-east-1', account) {
  const client = new EC2Client({
    endpoint,
    region,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
  });
  if (account) {
    client.middlewareStack.add(
      (next) => async (args) => {
        /** @type {any} */ (args.request).headers['x-moto-account-id'] = account;
        return next(args);
      },
      { step: 'build', name: 'sandboxAccount' },
    );
  }
  clients.push(client);
  return client;
}

/**
 * Asserts that `promise` fails with EC2 error `code` (and a message matching `message`).
 * @param {Promise<unknown>} promise
 * @param {string} code
 * @param {RegExp} [message]
 */
export async function rejectsWithCode(promise, code, message) {
  let error;
  try {
    await promise;
  } catch (e) {
    error = /** @type {any} */ (e);
  }
  assert.ok(error, `expected ${code}, but the call succeeded`);
  assert.equal(error.name, code, `expected ${code}, got ${error.name}: ${error.message}`);
  if (message) assert.match(error.message, message);
  return error;
}

/** @param {{ Tags?: { Key?: string, Value?: string }[] }} item */
export function tagsOf(item) {
  return Object.fromEntries((item.Tags ?? []).map((t) => [t.Key, t.Value]));
}
