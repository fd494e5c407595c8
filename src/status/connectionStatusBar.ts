import * as vscode from 'vscode';
import { configuredRegions, readConnection } from '../aws/connectionSettings';
import { md, noIcons } from '../shared/format';

/** The only commands the tooltip's links may run. */
export const statusBarCommands = ['amiExplorer.selectProfile', 'amiExplorer.selectRegions'];

/** "AWS: my-profile · us-east-1, eu-west-1" — reads only settings, so showing it costs nothing at start-up. */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('amiExplorer.connection', vscode.StatusBarAlignment.Left, 50);
  private resolvedRegions: string[] | undefined;

  constructor() {
    this.item.name = 'AMI Explorer: AWS profile and regions';
    this.item.command = 'amiExplorer.selectProfile';
    this.update();
    this.item.show();
  }

  /** Called once the views know the profile's own region (only the SDK can tell). */
  setResolvedRegions(regions: string[]): void {
    this.resolvedRegions = regions;
    this.update();
  }

  update(): void {
    const { profile, endpoint } = readConnection();
    const regions = configuredRegions().length ? configuredRegions() : this.resolvedRegions;
    const regionText = !regions?.length ? 'profile region' : regions.length > 2 ? `${regions[0]} +${regions.length - 1}` : regions.join(', ');
    this.item.text = `$(cloud) ${noIcons(`${profile || 'default'} · ${regionText}`)}`;
    const tooltip = new vscode.MarkdownString([
      '**AMI Explorer**',
      `Profile: ${md(profile || 'default credential chain')}`,
      `Regions: ${md(regions?.join(', ') ?? 'the profile\'s region')}`,
      ...(endpoint ? [`Endpoint: ${md(endpoint)}`] : []),
      '[Select profile](command:amiExplorer.selectProfile) · [Select regions](command:amiExplorer.selectRegions)',
    ].join('\n\n'));
    tooltip.isTrusted = { enabledCommands: statusBarCommands };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
