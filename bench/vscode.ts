// The few VS Code APIs that AwsService and AmiLookup touch (settings, events, the log), so the benchmark runs the
// extension's own AWS layer in plain Node: the build maps `vscode` to this file for bench/*.bench.ts only.

type Listener<T> = (value: T) => unknown;

export class Disposable {
  constructor(private readonly onDispose: () => void = () => {}) {}

  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }

  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];

  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      listener(value);
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}

/** User settings by full key (`amiExplorer.regions`); what is not set reads as the default. */
const settings = new Map<string, unknown>();
const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

/** Sets user settings, as the Settings editor would, and tells the listeners. */
export function configure(values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    settings.set(key, value);
  }
  const keys = Object.keys(values);
  configurationChanged.fire({ affectsConfiguration: (section) => keys.some((k) => k === section || k.startsWith(`${section}.`)) });
}

/** What the extension logged or would have shown, for a benchmark to print when something looks wrong. */
export const messages: string[] = [];

const record = (level: string) => (message: unknown) => {
  messages.push(`${level}: ${String(message)}`);
};

export const workspace = {
  getConfiguration(section: string) {
    const key = (name: string) => `${section}.${name}`;
    return {
      get<T>(name: string, fallback?: T): T | undefined {
        return settings.has(key(name)) ? settings.get(key(name)) as T : fallback;
      },
      inspect<T>(name: string): { globalValue?: T } {
        return { globalValue: settings.get(key(name)) as T | undefined };
      },
    };
  },
  onDidChangeConfiguration: configurationChanged.event,
};

export const window = {
  createOutputChannel: () => ({
    trace: record('trace'),
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    appendLine: record('log'),
    dispose: () => {},
  }),
  showWarningMessage: (message: string) => {
    record('shown')(message);
    return Promise.resolve(undefined);
  },
};

export const commands = {
  executeCommand: () => Promise.resolve(undefined),
};

// src/code/amiDiagnostics.ts is imported for its limits (maxIdsPerDocument); its Problems panel is not run here.
export enum DiagnosticSeverity { Error = 0, Warning = 1, Information = 2, Hint = 3 }

function notHere(what: string): never {
  throw new Error(`${what} is not part of the benchmark's VS Code stand-in (bench/vscode.ts)`);
}

export const languages = { createDiagnosticCollection: () => notHere('languages.createDiagnosticCollection') };

export class Range {
  constructor() {
    notHere('Range');
  }
}

export class Diagnostic {
  constructor() {
    notHere('Diagnostic');
  }
}
