// The buttons of the details page and the one command each may run. The page only names a button; the extension
// runs its command with the image's id and region as the only arguments, so every change still goes through the
// command's own steps and summary. Pure.

export interface PageAction {
  readonly id: string;
  readonly label: string;
  readonly command: string;
  /** Only the owner may do it (share, tag, deprecate, deregister). */
  readonly ownerOnly?: boolean;
  /** Only the id is passed (copying the id needs no region). */
  readonly idOnly?: boolean;
  readonly secondary?: boolean;
}

export const pageActions: readonly PageAction[] = [
  { id: 'launch', label: 'Launch…', command: 'amiExplorer.launchInstance' },
  { id: 'copy', label: 'Copy to Regions…', command: 'amiExplorer.copyImage' },
  { id: 'share', label: 'Share…', command: 'amiExplorer.shareImage', ownerOnly: true },
  { id: 'tags', label: 'Edit Tags…', command: 'amiExplorer.editTags', ownerOnly: true },
  { id: 'deprecate', label: 'Deprecate…', command: 'amiExplorer.deprecateImage', ownerOnly: true },
  { id: 'deregister', label: 'Deregister…', command: 'amiExplorer.deregisterImage', ownerOnly: true },
  { id: 'copyId', label: 'Copy ID', command: 'amiExplorer.copyImageId', idOnly: true, secondary: true },
  { id: 'copyArn', label: 'Copy ARN', command: 'amiExplorer.copyArn', secondary: true },
  { id: 'console', label: 'Open in AWS Console', command: 'amiExplorer.openInConsole', secondary: true },
  { id: 'reveal', label: 'Reveal in Images View', command: 'amiExplorer.revealImage', secondary: true },
];

/** The buttons an image's page shows. */
export function actionsFor(owned: boolean): PageAction[] {
  return pageActions.filter((a) => owned || !a.ownerOnly);
}

/** What the page may post; anything else is ignored. */
export type PageMessage =
  | { readonly type: 'action'; readonly action: string }
  | { readonly type: 'reveal'; readonly link: number }
  | { readonly type: 'refresh' };

export function parsePageMessage(message: unknown): PageMessage | undefined {
  if (typeof message !== 'object' || message === null) {
    return undefined;
  }
  const m = message as Record<string, unknown>;
  if (m.type === 'action' && typeof m.action === 'string') {
    return { type: 'action', action: m.action };
  }
  if (m.type === 'reveal' && Number.isSafeInteger(m.link) && (m.link as number) >= 0) {
    return { type: 'reveal', link: m.link as number };
  }
  if (m.type === 'refresh') {
    return { type: 'refresh' };
  }
  return undefined;
}
