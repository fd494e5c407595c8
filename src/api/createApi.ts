import { copyImageApi } from '../actions/copyImage/command';
import { createImageApi } from '../actions/createImage/command';
import { deprecateImageApi } from '../actions/deprecateImage/command';
import { deregisterImageApi } from '../actions/deregisterImage/command';
import { disableImageApi, enableImageApi } from '../actions/disableImage/command';
import { restoreImageApi } from '../actions/restoreImage/command';
import { retireImagesApi } from '../actions/retireImages/command';
import { setDeregistrationProtectionApi } from '../actions/setDeregistrationProtection/command';
import { findImagesApi } from '../actions/findImages/command';
import { editTagsApi } from '../actions/editTags/command';
import { launchInstanceApi } from '../actions/launchInstance/command';
import { instanceStateApi } from '../actions/instanceState/command';
import { shareImageApi } from '../actions/shareImage/command';
import { imageUsageApi } from '../actions/showImageUsage/command';
import type { ActionDeps } from '../actions/common/actionDeps';
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
    findImages: logged('findImages', findImagesApi, deps),
    disableImage: logged('disableImage', disableImageApi, deps),
    enableImage: logged('enableImage', enableImageApi, deps),
    setDeregistrationProtection: logged('setDeregistrationProtection', setDeregistrationProtectionApi, deps),
    restoreImage: logged('restoreImage', restoreImageApi, deps),
    retireImages: logged('retireImages', retireImagesApi, deps),
    imageUsage: logged('imageUsage', imageUsageApi, deps),
    stopInstance: logged('stopInstance', (d, input) => instanceStateApi(d, 'stop', input), deps),
    startInstance: logged('startInstance', (d, input) => instanceStateApi(d, 'start', input), deps),
    rebootInstance: logged('rebootInstance', (d, input) => instanceStateApi(d, 'reboot', input), deps),
    terminateInstance: logged('terminateInstance', (d, input) => instanceStateApi(d, 'terminate', input), deps),
  });
}
