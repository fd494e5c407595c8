import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { configuredRegions, readConnection } from '../settings/connection';
import { md, noIcons } from '../shared/format';

/** The only commands the tooltip's links may run. */
export const statusBarCommands = ['amiExplorer.selectProfile', 'amiExplorer.selectRegions'];

/**
 * "AWS: my-profile (123456789012) · us-east-1, eu-west-1". Settings alone give the text at start-up; the account
 * id appears once a first AWS call has answered, so showing it never loads the SDK.
 */
export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('amiExplorer.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;
  private resolvedRegions: string[] | undefined;
  private account: string | undefined;

  constructor(aws: AwsService) {
    this.item.name = 'AMI Explorer: AWS profile, account and regions';
    this.item.command = 'amiExplorer.selectProfile';
    this.subscription = aws.onDidKnowAccount((account) => {
      this.account = account;
      this.update();
    });
    this.update();
    this.item.show();
  }

  /** Called once the views know the profile's own region (only the SDK can tell). */
  setResolvedRegions(regions: string[]): void {
    this.resolvedRegions = regions;
    this.update();
  }

  /** Another profile, endpoint or region list: the account and regions shown are no longer known. */
  reconnected(): void {
    this.account = undefined;
    this.resolvedRegions = undefined;
    this.update();
  }

  update(): void {
    const { profile, endpoint } = readConnection();
    const regions = configuredRegions().length ? configuredRegions() : this.resolvedRegions;
    const regionText = !regions?.length ? 'profile region' : regions.length > 2 ? `${regions[0]} +${regions.length - 1}` : regions.join(', ');
    const account = this.account ? ` (${this.account})` : '';
    this.item.text = `$(cloud) ${noIcons(`${profile || 'default'}${account} · ${regionText}`)}`;
    const tooltip = new vscode.MarkdownString([
      '**AMI Explorer**',
      `Profile: ${md(profile || 'default credential chain')}`,
      `Account: ${md(this.account ?? 'not known yet')}`,
      `Regions: ${md(regions?.join(', ') ?? 'the profile\'s region')}`,
      ...(endpoint ? [`Endpoint: ${md(endpoint)}`] : []),
      '[Select profile](command:amiExplorer.selectProfile) · [Select regions](command:amiExplorer.selectRegions)',
    ].join('\n\n'));
    tooltip.isTrusted = { enabledCommands: statusBarCommands };
    this.item.tooltip = tooltip;
  }

  /** What the status bar shows, for the tests. */
  get shown(): { readonly text: string; readonly tooltip: string } {
    const tooltip = this.item.tooltip;
    return { text: this.item.text, tooltip: typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '' };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
