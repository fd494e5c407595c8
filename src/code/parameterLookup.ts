import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { codeSettings } from '../settings/code';
import type { AmiLookup } from './amiLookup';
import type { Resolution } from './imageResolver';
import { isImageId, namesImage, ParameterResolver } from './parameterResolver';
import type { RegionAnswer } from './parameterText';
import type { ParameterOccurrence } from './documentParameters';
import { packParameters, readPersistedParameters } from './persistedParameters';

const storageKey = 'amiExplorer.code.parameterCache';

/**
 * Answers "which image does this SSM parameter name today?": GetParameters through a per-connection resolver,
 * then the image through the id lookup. Regions: the one the code implies, else the Images view's regions.
 * Answers are kept in globalState per connection, as the id lookup keeps its own.
 */
export class ParameterLookup implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when parameter or image answers arrive, or everything was forgotten. */
  readonly onDidChange = this.changed.event;
  private resolver: ParameterResolver | undefined;
  private connection = '';
  private readonly subscriptions: vscode.Disposable[];
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly aws: AwsService, private readonly images: AmiLookup, private readonly state: vscode.Memento) {
    this.subscriptions = [images.onDidResolve((results) => {
      if (!results.length) {
        // Refresh forgot every image answer: parameters move on too (a new release), so ask them again.
        this.resolver?.clear();
        void this.state.update(storageKey, undefined);
      }
      this.changed.fire();
    })];
  }

  private current(): ParameterResolver {
    const { profile, endpoint } = this.aws.connection();
    const connection = JSON.stringify([profile, endpoint ?? '']);
    if (!this.resolver || connection !== this.connection) {
      this.flushSave();
      this.resolver?.dispose();
      this.connection = connection;
      this.resolver = new ParameterResolver({
        lookup: (region, names, signal) => this.aws.getParameters(region, names, signal),
        ttlMs: () => codeSettings().ttlMs,
        onResolved: () => {
          this.saveTimer ??= setTimeout(() => this.flushSave(), 1000);
          this.changed.fire();
        },
      });
      this.resolver.load(readPersistedParameters(this.state.get<unknown>(storageKey), connection));
    }
    return this.resolver;
  }

  private async regionsOf(occurrence: ParameterOccurrence): Promise<readonly string[]> {
    return occurrence.region ? [occurrence.region] : this.aws.regions();
  }

  private asked(occurrence: ParameterOccurrence): string {
    return occurrence.selector ? `${occurrence.path}:${occurrence.selector}` : occurrence.path;
  }

  /** What is known now, without any call; undefined when some region has not answered. */
  peek(occurrence: ParameterOccurrence, regions: readonly string[]): RegionAnswer[] | undefined {
    const answers: RegionAnswer[] = [];
    for (const region of regions) {
      const parameter = this.current().peek(region, this.asked(occurrence));
      if (!parameter) {
        return undefined;
      }
      const needsImage = parameter.kind === 'found' && namesImage(parameter) && isImageId(parameter.value);
      const image = needsImage ? this.images.peek(parameter.value) : undefined;
      if (needsImage && !image) {
        return undefined;
      }
      answers.push({ region, parameter, ...(image ? { image } : {}) });
    }
    return answers;
  }

  /** Every region's answer, the image looked up too. */
  async answers(occurrence: ParameterOccurrence, signal?: AbortSignal): Promise<RegionAnswer[]> {
    const regions = await this.regionsOf(occurrence);
    const resolver = this.current();
    return Promise.all(regions.map(async (region): Promise<RegionAnswer> => {
      const parameter = await resolver.resolve(region, this.asked(occurrence));
      let image: Resolution | undefined;
      if (parameter.kind === 'found' && namesImage(parameter) && isImageId(parameter.value)) {
        image = await this.images.resolve(parameter.value, signal);
      }
      return { region, parameter, ...(image ? { image } : {}) };
    }));
  }

  /** The regions an occurrence is looked up in, known synchronously when cached by a previous call. */
  regions(occurrence: ParameterOccurrence): Promise<readonly string[]> {
    return this.regionsOf(occurrence);
  }

  clear(): void {
    this.resolver?.clear();
    void this.state.update(storageKey, undefined);
    this.changed.fire();
  }

  private flushSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.resolver) {
      void this.state.update(storageKey, packParameters(this.connection, this.resolver.entries()));
    }
  }

  dispose(): void {
    this.flushSave();
    this.resolver?.dispose();
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}
