import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import type { SettingsHub } from '../settings/settingsHub';
import { AmiCodeLensProvider } from './amiCodeLensProvider';
import { AmiDiagnostics } from './amiDiagnostics';
import { AmiHoverProvider } from './amiHoverProvider';
import { AmiLookup } from './amiLookup';
import { AmiQuickFixes, ignoreInWorkspace, ignoreInWorkspaceCommand } from './amiQuickFixes';
import { log } from '../shared/log';
import { showError } from '../shared/notify';
import { codeSettings } from '../settings/code';
import { DocumentIds } from './documentIds';
import { DocumentParameters } from './documentParameters';
import { ParameterLookup } from './parameterLookup';
import { ParameterCodeLensProvider, ParameterDiagnostics, ParameterHoverProvider } from './parameterProviders';
import { scannedSchemes } from './schemes';
import type { LastLaunchedReader } from '../shared/lastLaunched';

/** Every document people edit, whatever its language and file system. */
const allDocuments: vscode.DocumentSelector = scannedSchemes.map((scheme) => ({ scheme }));

type Feature = 'hover' | 'codeLens' | 'problems';

/**
 * Hover, CodeLens and problems for AMI ids in code. Each follows its toggle: turning one off disposes its
 * provider, turning it on registers it again. Nothing here touches AWS until a document holds an id.
 */
export class CodeFeatures implements vscode.Disposable {
  readonly ids = new DocumentIds();
  readonly lookup: AmiLookup;
  readonly parameters = new DocumentParameters();
  readonly parameterLookup: ParameterLookup;
  private readonly active = new Map<Feature, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[];
  private diagnostics: AmiDiagnostics | undefined;
  private codeLenses: AmiCodeLensProvider | undefined;

  constructor(aws: AwsService, settings: SettingsHub, globalState: vscode.Memento, private readonly lastLaunched?: LastLaunchedReader) {
    this.lookup = new AmiLookup(aws, settings, globalState);
    this.parameterLookup = new ParameterLookup(aws, this.lookup, globalState);
    this.disposables = [
      this.ids,
      this.lookup,
      this.parameters,
      this.parameterLookup,
      settings.on(['codeScope'], () => this.lookup.clear()),
      settings.on(['codeFeatures'], () => this.apply()),
      settings.on(['codeNoise'], () => this.quietChanged()),
      // Offered by a quick fix only, so not in the palette; a failure is shown like a command's.
      vscode.commands.registerCommand(ignoreInWorkspaceCommand, (id: unknown) => ignoreInWorkspace(id).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        log().error(`${ignoreInWorkspaceCommand}: ${message}`);
        void showError(message);
      })),
    ];
    this.apply();
  }

  /** Excluded files, ignored ids or severities changed: check and draw again at once. */
  private quietChanged(): void {
    this.diagnostics?.recheckAll();
    this.codeLenses?.refresh();
  }

  private apply(): void {
    const settings = codeSettings();
    this.toggle('hover', settings.hover, () => vscode.Disposable.from(
      vscode.languages.registerHoverProvider(allDocuments, new AmiHoverProvider(this.ids, this.lookup, this.lastLaunched)),
      vscode.languages.registerHoverProvider(allDocuments, new ParameterHoverProvider(this.parameters, this.parameterLookup)),
    ));
    this.toggle('codeLens', settings.codeLens, () => {
      const provider = new AmiCodeLensProvider(this.ids, this.lookup);
      const parameters = new ParameterCodeLensProvider(this.parameters, this.parameterLookup);
      this.codeLenses = provider;
      return vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider(allDocuments, provider),
        parameters, vscode.languages.registerCodeLensProvider(allDocuments, parameters), { dispose: () => { this.codeLenses = undefined; } });
    });
    this.toggle('problems', settings.problems, () => {
      const diagnostics = new AmiDiagnostics(this.ids, this.lookup);
      this.diagnostics = diagnostics;
      return vscode.Disposable.from(
        diagnostics,
        new ParameterDiagnostics(this.parameters, this.parameterLookup),
        vscode.languages.registerCodeActionsProvider(allDocuments, new AmiQuickFixes(), { providedCodeActionKinds: AmiQuickFixes.kinds }),
        { dispose: () => { this.diagnostics = undefined; } },
      );
    });
  }

  private toggle(feature: Feature, on: boolean, register: () => vscode.Disposable): void {
    const current = this.active.get(feature);
    if (on && !current) {
      this.active.set(feature, register());
    } else if (!on && current) {
      current.dispose();
      this.active.delete(feature);
    }
  }

  /** Which providers are registered now, for the tests of the toggles. */
  get enabled(): Feature[] {
    return [...this.active.keys()];
  }

  dispose(): void {
    for (const d of this.active.values()) {
      d.dispose();
    }
    this.active.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
