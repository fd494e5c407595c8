// Entry of the separate SDK bundle (dist/aws.js), loaded on the first AWS call, never at activation.
export { describeImage, findImagesById, listImagesPage, newestImages } from './images';
export { listInstancesPage } from './instances';
export { callerAccount } from './identity';
export { listRegions } from './regions';
export { checkCredentials, listProfiles } from './profiles';
export type { ProfileInfo } from './profiles';
export { profileRegion, resetClients } from './clients';
// The AMI actions.
export * from './imageCopy';
export * from './imageSharing';
export * from './launch';
export * from './imageCreation';
export * from './imageTags';
export * from './imageLifecycle';
export * from './imageSafety';
export * from './recycleBin';
export * from './imageUsage';
export * from './instanceState';
export * from './instanceProfiles';
export * from './imageFacts';
export { getParameters } from './parameters';
