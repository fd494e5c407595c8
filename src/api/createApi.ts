import { copyImageApi } from '../commands/copyImage';
import { createImageApi } from '../commands/createImage';
import { deprecateImageApi } from '../commands/deprecateImage';
import { deregisterImageApi } from '../commands/deregisterImage';
import { editTagsApi } from '../commands/editTags';
import { launchInstanceApi } from '../commands/launchInstance';
import { shareImageApi } from '../commands/shareImage';
import type { ActionDeps } from '../commands/actionDeps';
import { log } from '../shared/log';
import type { AmiExplorerApi } from './amiExplorerApi';

/** Logs each call's outcome (never its input, which may name accounts) and passes the result or error through. */
function logged<I, R>(name: string, run: (deps: ActionDeps, input: unknown) => Promise<R>, deps: ActionDeps): (input: I) => Promise<R> {
  return async (input) => {
    try {
      const result = await run(deps, input);
      log().info(`api.${name}: done`);
      return result;
    } catch (error) {
      log().error(`api.${name}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
}

export function createApi(deps: ActionDeps): AmiExplorerApi {
  return Object.freeze({
    apiVersion: 1 as const,
    copyImage: logged('copyImage', copyImageApi, deps),
    shareImage: logged('shareImage', shareImageApi, deps),
    launchInstance: logged('launchInstance', launchInstanceApi, deps),
    createImage: logged('createImage', createImageApi, deps),
    editTags: logged('editTags', editTagsApi, deps),
    deprecateImage: logged('deprecateImage', deprecateImageApi, deps),
    deregisterImage: logged('deregisterImage', deregisterImageApi, deps),
  });
}
