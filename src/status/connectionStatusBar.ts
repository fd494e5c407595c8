import * as vscode from 'vscode';
import { configuredRegions, readConnection } from '../aws/connectionSettings';

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
    this.item.text = `$(cloud) ${profile || 'default'} · ${regionText}`;
    const md = new vscode.MarkdownString(
      `**AMI Explorer**\n\nProfile: ${profile || 'default credential chain'}\n\nRegions: ${regions?.join(', ') ?? 'the profile\'s region'}`
      + (endpoint ? `\n\nEndpoint: ${endpoint}` : '')
      + '\n\n[Select profile](command:amiExplorer.selectProfile) · [Select regions](command:amiExplorer.selectRegions)',
    );
    md.isTrusted = { enabledCommands: ['amiExplorer.selectProfile', 'amiExplorer.selectRegions'] };
    this.item.tooltip = md;
  }

  dispose(): void {
    this.item.dispose();
  }
}
